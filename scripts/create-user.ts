/**
 * npm run user:create -- --email ada@city.example --role admin [--name "Ada"]
 * Asks for the password on the terminal (not echoed), or reads KOHO_USER_PASSWORD.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createStaffAccount } from "@/db/staff";
import { prepareDatabase } from "@/db/setup";
import { env } from "@/lib/env";

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    let prompted = false;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (!prompted) {
        write(s);
        prompted = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
});
const email = z.email().safeParse(values.email);
if (!email.success) {
  console.error('Usage: npm run user:create -- --email person@city.example --role admin [--name "Full Name"]');
  process.exit(2);
}
const password = process.env.KOHO_USER_PASSWORD ?? (process.stdin.isTTY ? await askHidden("Password (12+ characters): ") : "");
if (!password) {
  console.error("No password: run in a terminal to be asked, or set KOHO_USER_PASSWORD.");
  process.exit(2);
}

const config = env();
const { handle } = await prepareDatabase({
  url: config.DATABASE_URL,
  authToken: config.DATABASE_AUTH_TOKEN,
  demo: false,
  seedsDir: config.SEEDS_DIR,
});
try {
  const user = await createStaffAccount(handle.db, {
    email: email.data,
    role: (values.role ?? "admin") as "admin",
    name: values.name ?? email.data.split("@")[0]!,
    password,
  });
  console.log(`Created ${user.role} account ${user.email}`);
} catch (error) {
  const message = error instanceof z.ZodError ? error.issues.map((i) => i.message).join("; ") : (error as Error).message;
  console.error(`Could not create the account: ${message}`);
  process.exitCode = 1;
} finally {
  handle.client.close();
}
