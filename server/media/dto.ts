import "server-only";
import type { MediaVariant, mediaAssets } from "@/db/schema";

type MediaRow = typeof mediaAssets.$inferSelect;

/** What readers' pages need to draw an image: <picture> sources, the fallback, the words around it. */
export type PublicImage = {
  /** The 960-wide WebP (or the widest below that): the <img> fallback and the editor's inline src. */
  src: string;
  width: number;
  height: number;
  /** Empty for a decorative image. */
  alt: string;
  decorative: boolean;
  caption: string;
  credit: string;
  avifSrcset: string;
  webpSrcset: string;
  /** The widest WebP, for OpenGraph, JSON-LD and feed enclosures (make it absolute with SITE_URL). */
  largest: { url: string; width: number; height: number; type: "image/webp"; bytes: number };
};

/** A library entry for the studio: never the storage path, only public variant URLs. */
export type MediaDto = PublicImage & {
  id: number;
  originalName: string;
  mimeType: string;
  originalWidth: number;
  originalHeight: number;
  byteSize: number;
  altText: string;
  /** Described (alt text) or marked decorative: only then may it be placed in an article. */
  usable: boolean;
  version: number;
  createdAt: string;
  variants: { url: string; width: number; height: number; format: MediaVariant["format"]; bytes: number }[];
};

export function mediaUrl(storageKey: string, file: string): string {
  return `/media/${storageKey}/${file}`;
}

function srcsetOf(row: MediaRow, format: "webp" | "avif"): string {
  const seen = new Set<number>();
  return row.variants
    .filter((v) => v.format === format)
    .sort((a, b) => a.width - b.width)
    .filter((v) => (seen.has(v.width) ? false : (seen.add(v.width), true)))
    .map((v) => `${mediaUrl(row.storageKey, v.key)} ${v.width}w`)
    .join(", ");
}

export function isUsable(row: Pick<MediaRow, "altText" | "decorative">): boolean {
  return row.decorative || row.altText.trim().length > 0;
}

export function toPublicImage(row: MediaRow): PublicImage {
  const webp = row.variants.filter((v) => v.format === "webp").sort((a, b) => a.width - b.width);
  const fallback = webp.find((v) => v.key === "960.webp") ?? webp.at(-1)!;
  const largest = webp.at(-1)!;
  return {
    src: mediaUrl(row.storageKey, fallback.key),
    width: fallback.width,
    height: fallback.height,
    alt: row.decorative ? "" : row.altText,
    decorative: row.decorative,
    caption: row.caption,
    credit: row.credit,
    avifSrcset: srcsetOf(row, "avif"),
    webpSrcset: srcsetOf(row, "webp"),
    largest: {
      url: mediaUrl(row.storageKey, largest.key),
      width: largest.width,
      height: largest.height,
      type: "image/webp",
      bytes: largest.bytes,
    },
  };
}

export function toMediaDto(row: MediaRow): MediaDto {
  return {
    ...toPublicImage(row),
    id: row.id,
    originalName: row.originalName,
    mimeType: row.mimeType,
    originalWidth: row.width,
    originalHeight: row.height,
    byteSize: row.byteSize,
    altText: row.altText,
    usable: isUsable(row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    variants: row.variants.map((v) => ({
      url: mediaUrl(row.storageKey, v.key),
      width: v.width,
      height: v.height,
      format: v.format,
      bytes: v.bytes,
    })),
  };
}
