import { backupDatabase, defaultBackupPath, filePathOf } from "@/db/backup";
import { env } from "@/lib/env";

/** npm run db:backup [target file] — a consistent copy of the running database (VACUUM INTO). */
const { DATABASE_URL } = env();
const target = process.argv[2] ?? defaultBackupPath(filePathOf(DATABASE_URL));
try {
  const { path, bytes } = await backupDatabase(DATABASE_URL, target);
  console.log(`Backup written to ${path} (${bytes} bytes); integrity check passed.`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
