import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { staffByRole } from "./staff";
import { createTempDatabase } from "./temp-db";

export type MediaWorkspace = {
  t: Awaited<ReturnType<typeof createTempDatabase>>;
  mediaDir: string;
  staff: Awaited<ReturnType<typeof staffByRole>>;
};

/**
 * A seeded temporary database and an empty media folder, named in the environment before the
 * test imports server/ (server/db.ts and lib/env.ts read them once per process).
 */
export async function createMediaWorkspace(): Promise<MediaWorkspace> {
  const t = await createTempDatabase({ demo: true });
  const mediaDir = mkdtempSync(join(tmpdir(), "koho-media-"));
  process.env.DATABASE_URL = t.url;
  process.env.MEDIA_DIR = mediaDir;
  return { t, mediaDir, staff: await staffByRole(t.db) };
}

export function removeMediaWorkspace({ t, mediaDir }: Pick<MediaWorkspace, "t" | "mediaDir">): void {
  t.cleanup();
  rmSync(mediaDir, { recursive: true, force: true });
}
