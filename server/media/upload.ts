import "server-only";
import { mediaAssets } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";
import { toMediaDto, type MediaDto } from "./dto";
import { formatMegabytes, processImage } from "./process-image";
import { newStorageKey, removeAssetFiles, stageAsset } from "./storage";

/** Multipart framing around one file: boundaries, headers, the other small fields. */
const MULTIPART_ALLOWANCE = 64 * 1024;

/**
 * The uploader's file name is kept for display only. A name that tries to be a
 * path ("../../x.png", "a/b.jpg") is refused outright: browsers never send one.
 */
function checkedDisplayName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new AppError("bad_request:media", "The file has no name.");
  if (
    /[/\\]/.test(trimmed) ||
    trimmed.split(".").every((part) => part === "") ||
    trimmed.includes("..") ||
    /[\u0000-\u001f\u007f]/.test(trimmed)
  ) {
    throw new AppError(
      "bad_request:media",
      `“${trimmed.slice(0, 80)}” was not uploaded: file names cannot contain folders (“/”, “\\”) or “..”.`,
    );
  }
  if (trimmed.length > 200)
    throw new AppError("bad_request:media", "The file name is longer than 200 characters; rename the file and retry.");
  return trimmed;
}

/**
 * Stores one image: refused whole (nothing on disk, nothing in the database)
 * or stored whole (files renamed into place inside the transaction that adds
 * its row, and removed again if that transaction fails).
 */
export async function uploadMedia({ fileName, bytes }: { fileName: string; bytes: Buffer }): Promise<MediaDto> {
  const user = await requireCapability("media:upload", "media", "media.upload");
  const name = checkedDisplayName(fileName);
  const { MEDIA_MAX_BYTES, MEDIA_MAX_PIXELS } = env();
  const started = performance.now();
  const image = await processImage(name, bytes, { maxBytes: MEDIA_MAX_BYTES, maxPixels: MEDIA_MAX_PIXELS });

  const staged = await stageAsset();
  const key = newStorageKey();
  let moved = false;
  try {
    await staged.write(image.original.file, image.original.bytes);
    for (const v of image.variants) await staged.write(v.variant.key, v.bytes);
    const db = await getDatabase();
    const row = await db.transaction(async (tx) => {
      const now = new Date();
      const [inserted] = await tx
        .insert(mediaAssets)
        .values({
          storageKey: key,
          originalName: name,
          mimeType: image.mimeType,
          width: image.width,
          height: image.height,
          byteSize: image.original.bytes.byteLength,
          variants: image.variants.map((v) => v.variant),
          uploadedById: user.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await recordAudit(tx, {
        actor: user,
        action: "media.upload",
        outcome: "ok",
        targetType: "media",
        targetId: inserted!.id,
        details: { name, bytes: bytes.byteLength, ms: Math.round(performance.now() - started) },
      });
      await staged.commit(key);
      moved = true;
      return inserted!;
    });
    return toMediaDto(row);
  } catch (error) {
    await staged.discard();
    if (moved) await removeAssetFiles(key);
    throw error;
  }
}

/**
 * The upload route's work: sign-in and capability are checked before the body
 * is read, a declared length over the limit is refused unread (413,
 * too_large), and the body stream is cut off as soon as it passes the limit.
 * Not a defineCommand: the input is a stream that must be cut off, not an
 * object to validate; uploadMedia keeps the same order (authenticate →
 * check → one transaction with its typed audit entry).
 */
export async function uploadMediaFromRequest(request: Request): Promise<MediaDto> {
  await requireCapability("media:upload", "media", "media.upload");
  const limit = env().MEDIA_MAX_BYTES + MULTIPART_ALLOWANCE;
  const tooLarge = () =>
    new AppError(
      "too_large:media",
      `The file is larger than the ${formatMegabytes(env().MEDIA_MAX_BYTES)} limit. Resize or compress it and retry.`,
      { limit: env().MEDIA_MAX_BYTES },
    );
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) throw new AppError("bad_request:media", "Choose an image file to upload.");

  let received = 0;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Response(limited, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    if (received > limit) throw tooLarge();
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request:media", "The upload could not be read. Send the image as multipart form data in a field named “file”.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("bad_request:media", "Choose an image file to upload.");
  return uploadMedia({ fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
}
