import "server-only";
import sharp, { type Metadata, type OutputInfo, type Sharp } from "sharp";
import type { MediaVariant } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { mediaProcessingQueue } from "./processing-queue";

// One libvips thread per image and no operation cache: with the queue below, memory is bounded by
// the image being processed, not by cores times images, nor by decoded images kept after use.
sharp.concurrency(1);
sharp.cache(false);

export const VARIANT_WIDTHS = [480, 960, 1600] as const;
const FORMATS = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp", avif: "image/avif" } as const;
type Format = keyof typeof FORMATS;
const ORIGINAL_EXTENSION: Record<Format, string> = { jpeg: "jpg", png: "png", webp: "webp", avif: "avif" };

export type ProcessedImage = {
  mimeType: string;
  width: number;
  height: number;
  original: { file: string; bytes: Buffer };
  variants: { variant: MediaVariant; bytes: Buffer }[];
};

export type ImageLimits = { maxBytes: number; maxPixels: number };

const refuse = (name: string, why: string) => new AppError("bad_request:media", `“${name}” was not uploaded: ${why}`);

export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * Reads the real type from the bytes (never the name or the browser's type),
 * decodes the whole image so truncated or corrupt files fail here, and
 * re-encodes everything: the stored original has no metadata (no GPS EXIF),
 * its orientation baked in; variants are made once, never upscaled. The
 * header is read first (cheap); decoding waits its turn in the processing
 * queue, by pixel count, or is refused with 429 when the queue is full.
 */
export async function processImage(name: string, input: Buffer, limits: ImageLimits): Promise<ProcessedImage> {
  if (input.byteLength === 0) throw refuse(name, "the file is empty.");
  if (input.byteLength > limits.maxBytes) {
    throw refuse(name, `it is ${formatMegabytes(input.byteLength)}; the limit is ${formatMegabytes(limits.maxBytes)}.`);
  }
  const open = () => sharp(input, { failOn: "truncated", limitInputPixels: limits.maxPixels, sequentialRead: true });
  let format: Format;
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse(name, "it is not a JPEG, PNG, WebP or AVIF image.");
  }
  if (meta.format === "heif" && meta.compression === "av1") format = "avif";
  else if (meta.format === "jpeg" || meta.format === "png" || meta.format === "webp") format = meta.format;
  else if (meta.format === "svg") throw refuse(name, "SVG drawings are not accepted; export a PNG or JPEG instead.");
  else throw refuse(name, "only JPEG, PNG, WebP and AVIF images are accepted.");
  if (!meta.width || !meta.height) throw refuse(name, "its dimensions could not be read.");
  if (meta.width * meta.height > limits.maxPixels) {
    throw refuse(name, `it is ${meta.width} × ${meta.height} pixels; the limit is ${Math.round(limits.maxPixels / 1e6)} megapixels.`);
  }

  return mediaProcessingQueue.run(meta.width * meta.height, () => render(name, format, open));
}

async function render(name: string, format: Format, open: () => Sharp): Promise<ProcessedImage> {
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    // Decode once, fully: a truncated or corrupt file fails here rather than half-rendering later.
    decoded = await open().rotate().raw().toBuffer({ resolveWithObject: true });
  } catch {
    throw refuse(name, "the image is damaged or incomplete. Export it again and retry.");
  }
  const raw = { width: decoded.info.width, height: decoded.info.height, channels: decoded.info.channels };
  const base = () => sharp(decoded.data, { raw });
  const { width, height } = decoded.info;

  const original = await encode(base(), format).toBuffer();
  const variants: ProcessedImage["variants"] = [];
  for (const target of VARIANT_WIDTHS) {
    for (const out of ["webp", "avif"] as const) {
      const resized = base().resize({ width: target, withoutEnlargement: true });
      const { data, info } = await encode(resized, out).toBuffer({ resolveWithObject: true });
      variants.push({
        variant: { width: info.width, height: info.height, format: out, key: `${target}.${out}`, bytes: data.byteLength },
        bytes: data,
      });
    }
  }
  return {
    mimeType: FORMATS[format],
    width,
    height,
    original: { file: `original.${ORIGINAL_EXTENSION[format]}`, bytes: original },
    variants,
  };
}

function encode(image: Sharp, format: Format): Sharp {
  switch (format) {
    case "jpeg":
      return image.jpeg({ quality: 88, mozjpeg: true });
    case "png":
      return image.png({ compressionLevel: 9 });
    case "webp":
      return image.webp({ quality: 80 });
    case "avif":
      return image.avif({ quality: 55, effort: 3 });
  }
}
