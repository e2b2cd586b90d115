import { z } from "zod";

/**
 * Every setting the CMS reads, validated once at start-up so a bad value fails
 * fast with a message instead of surfacing later as an odd runtime error.
 */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, "DATABASE_URL must be a file:, libsql:, http(s): or ws(s): URL")
    .default("file:data/koho.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  SITE_URL: z.url("SITE_URL must be an absolute URL such as https://news.example.gov").default("http://localhost:3000"),
  SITE_NAME: z.string().min(1).default("Office of the Governor — News"),
  PRESS_OFFICE_NAME: z.string().min(1).default("Office of the Governor, Press Office"),
  SEEDS_DIR: z.string().min(1).default("../shared/seeds"),
  /** "1" seeds demo content and demo staff accounts into an empty database (npm run dev sets it). */
  KOHO_DEMO: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
