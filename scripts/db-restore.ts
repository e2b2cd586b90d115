import { restoreDatabase } from "@/db/backup";
import { env } from "@/lib/env";

/** npm run db:restore <backup file> — with the server stopped; keeps a safety copy of the current database. */
const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:restore <backup file>   (stop the server first)");
  process.exit(2);
}
const { DATABASE_URL } = env();
try {
  const { safetyCopy } = await restoreDatabase(DATABASE_URL, file);
  if (safetyCopy) console.log(`The database it replaced is kept at ${safetyCopy}.`);
  console.log(`Restored ${DATABASE_URL} from ${file}; integrity check passed.`);
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
