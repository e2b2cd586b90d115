/** Run before `next dev|build|start`: creates, migrates and (in demo mode) seeds the database. */
import { prepareDatabase } from "@/db/setup";
import { env } from "@/lib/env";

const config = env();
const { handle, seededDemo } = await prepareDatabase({
  url: config.DATABASE_URL,
  authToken: config.DATABASE_AUTH_TOKEN,
  demo: config.KOHO_DEMO === "1",
  seedsDir: config.SEEDS_DIR,
});
console.log(`Database ready at ${config.DATABASE_URL}${seededDemo ? " (demo content and demo staff added)" : ""}`);
handle.client.close();
