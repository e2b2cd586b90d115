/** `npm run db:seed`: demo content and demo staff into an empty database. Never run it in production. */
import { prepareDatabase } from "@/db/setup";
import { DemoContentError } from "@/db/seed";
import { env } from "@/lib/env";

const config = env();
const prepared = await prepareDatabase({
  url: config.DATABASE_URL,
  authToken: config.DATABASE_AUTH_TOKEN,
  demo: true,
  seedsDir: config.SEEDS_DIR,
}).catch((error: unknown) => {
  if (!(error instanceof DemoContentError)) throw error;
  console.error(error.message);
  process.exit(1);
});
const { handle, seededDemo } = prepared;
console.log(
  seededDemo
    ? `Demo content and demo staff seeded into ${config.DATABASE_URL}`
    : `${config.DATABASE_URL} already holds articles or users; the demo seed only fills an empty database.`,
);
handle.client.close();
