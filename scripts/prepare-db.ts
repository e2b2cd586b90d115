/**
 * Run before `next dev|build|start`: creates, migrates and (in demo mode) seeds the database.
 * `--demo` makes demo content the default (npm run dev); KOHO_DEMO=0 still asks for an empty newsroom.
 */
import { prepareDatabase } from "@/db/setup";
import { DemoContentError } from "@/db/seed";
import { env } from "@/lib/env";

const config = env();
const demo = process.argv.includes("--demo") ? process.env.KOHO_DEMO !== "0" : config.KOHO_DEMO === "1";
try {
  const { handle, seededDemo } = await prepareDatabase({
    url: config.DATABASE_URL,
    authToken: config.DATABASE_AUTH_TOKEN,
    demo,
    seedsDir: config.SEEDS_DIR,
  });
  console.log(`Database ready at ${config.DATABASE_URL}${seededDemo ? " (demo content and demo staff added)" : ""}`);
  handle.client.close();
} catch (error) {
  if (!(error instanceof DemoContentError)) throw error;
  console.error(error.message);
  process.exit(1);
}
