import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "@/lib/env";

/**
 * Files live in MEDIA_DIR/<storage key>/<file>. Both parts are generated here
 * and checked against strict patterns before any filesystem call, so nothing a
 * request sends (a name, a path, "../") can steer where a file is read or written.
 */
export const STORAGE_KEY_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const VARIANT_FILE_PATTERN = /^(?:original\.(?:jpg|png|webp|avif)|(?:480|960|1600)\.(?:webp|avif))$/;

export function newStorageKey(): string {
  return randomBytes(16).toString("base64url");
}

function mediaRoot(): string {
  return path.resolve(env().MEDIA_DIR);
}

function assetDir(key: string): string {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error("Refusing an invalid media storage key");
  return path.join(mediaRoot(), key);
}

function assetFile(key: string, file: string): string {
  if (!VARIANT_FILE_PATTERN.test(file)) throw new Error("Refusing an invalid media file name");
  return path.join(assetDir(key), file);
}

/** A staging folder for one upload; becomes the asset's folder only after its row is committed. */
export type StagedAsset = {
  dir: string;
  write(file: string, bytes: Buffer): Promise<void>;
  discard(): Promise<void>;
  commit(key: string): Promise<void>;
};

export async function stageAsset(): Promise<StagedAsset> {
  const root = mediaRoot();
  await mkdir(root, { recursive: true });
  // A dot-prefixed name can never match STORAGE_KEY_PATTERN, so a staging folder is never served.
  const dir = path.join(root, `.staging-${randomBytes(12).toString("hex")}`);
  await mkdir(dir);
  return {
    dir,
    async write(file, bytes) {
      if (!VARIANT_FILE_PATTERN.test(file)) throw new Error("Refusing an invalid media file name");
      await writeFile(path.join(dir, file), bytes, { flag: "wx" });
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
    async commit(key) {
      await rename(dir, assetDir(key));
    },
  };
}

export async function removeAssetFiles(key: string): Promise<void> {
  await rm(assetDir(key), { recursive: true, force: true });
}

/** A web stream of one stored file, or null when it is missing on disk. */
export async function openAssetFile(key: string, file: string): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null> {
  const filePath = assetFile(key, file);
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return null;
    return { stream: Readable.toWeb(createReadStream(filePath)) as ReadableStream<Uint8Array>, size: info.size };
  } catch {
    return null;
  }
}
