import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";

const { DATABASE_URL, DATABASE_AUTH_TOKEN } = env();
const handle = await openDatabase(DATABASE_URL, DATABASE_AUTH_TOKEN);
await migrateDatabase(handle.db);
console.log(`Migrations applied to ${DATABASE_URL}`);
handle.client.close();
