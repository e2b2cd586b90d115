import "server-only";
import { eq } from "drizzle-orm";
import { mediaAssets } from "@/db/schema";
import { publicRead } from "../public-read";
import { getDatabase } from "../db";
import { openAssetFile, STORAGE_KEY_PATTERN } from "./storage";

const CONTENT_TYPES = { webp: "image/webp", avif: "image/avif", jpeg: "image/jpeg", png: "image/png" } as const;

/**
 * A public variant by storage key and variant name. Both are only looked up:
 * the file read is the one the database row names, never a path from the URL.
 * Originals are not served (they are kept for regenerating variants).
 */
export const openMediaVariant = publicRead(
  "variants are public once uploaded; names are unguessable",
  async function openMediaVariant({ key, file }: { key: string; file: string }) {
    if (!STORAGE_KEY_PATTERN.test(key) || !/^(?:480|960|1600)\.(?:webp|avif)$/.test(file)) return null;
    const db = await getDatabase();
    const [row] = await db
      .select({ storageKey: mediaAssets.storageKey, variants: mediaAssets.variants })
      .from(mediaAssets)
      .where(eq(mediaAssets.storageKey, key))
      .limit(1);
    const variant = row?.variants.find((v) => v.key === file);
    if (!row || !variant) return null;
    const opened = await openAssetFile(row.storageKey, variant.key);
    if (!opened) return null;
    return { ...opened, contentType: CONTENT_TYPES[variant.format] };
  },
);
