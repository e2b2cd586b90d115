import "server-only";
import { openDatabase, type Database, type Handle } from "@/db/client";
import { env } from "@/lib/env";

// One client per server process, kept across dev hot reloads.
const holder = globalThis as typeof globalThis & { kohoDatabase?: Promise<Handle> };

export async function getDatabase(): Promise<Database> {
  holder.kohoDatabase ??= openDatabase(env().DATABASE_URL, env().DATABASE_AUTH_TOKEN);
  return (await holder.kohoDatabase).db;
}
