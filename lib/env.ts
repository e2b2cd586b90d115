import { AsyncLocalStorage } from "node:async_hooks";
import { isIP } from "node:net";
import { z } from "zod";
import { DEFAULT_SITE_LANGUAGES, parseSiteLanguages } from "./languages";

/** "203.0.113.7", "10.0.0.0/8", "fd00::/8": an address, or a network with a prefix that fits its family. */
function isAddressOrCidr(entry: string): boolean {
  const [address = "", prefix, extra] = entry.split("/");
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

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
  /** Folder of demo content files; the repository's own `db/demo` unless overridden. */
  SEEDS_DIR: z.string().min(1).default("db/demo"),
  /** Signs session cookies. Required in production; development uses a fixed, insecure default. */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 33)").optional(),
  /** Single sign-on through any OpenID Connect provider (city hall's identity provider). All three or none. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("City Hall single sign-on"),
  /** Run the publishing scheduler in this process ("off" for all but one of several app processes). */
  SCHEDULER: z.enum(["on", "off"]).default("on"),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(1_000).max(60_000).default(15_000),
  /** Bearer token for POST /api/scheduler/run; derived from AUTH_SECRET when unset. */
  SCHEDULER_SECRET: z.string().min(32).optional(),
  /** How this process reaches itself for scheduler ticks; defaults to http://127.0.0.1:$PORT. */
  KOHO_INTERNAL_URL: z.url().optional(),
  /** Uploaded images live here, outside the code tree; upload limits in bytes and in pixels (width × height). */
  MEDIA_DIR: z.string().min(1).default("data/media"),
  MEDIA_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(20 * 1024 * 1024),
  MEDIA_MAX_PIXELS: z.coerce.number().int().min(1).default(40_000_000),
  /**
   * Proxies whose X-Forwarded-For entries are believed (comma-separated addresses or CIDRs; none by
   * default). The client's address is the right-most entry that is not one of them.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every(isAddressOrCidr), "TRUSTED_PROXIES lists IP addresses or CIDRs, comma-separated (127.0.0.1, 10.0.0.0/8)"),
  /** Shared "use cache" store for several app processes (redis://…); unset, each process caches in memory. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL")
    .optional(),
  /** Largest in-memory "use cache" store per process, in MB (server/cache/cache-handler.mjs). */
  KOHO_CACHE_MAX_MB: z.coerce.number().int().min(1).max(4_096).default(64),
  /** nginx's loopback listener (deploy/nginx.conf, e.g. http://127.0.0.1:8081): publishing re-requests affected URLs there. */
  KOHO_PROXY_REFRESH_URL: z.url().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * The languages the site publishes in, comma-separated, the default (unprefixed addresses) first;
   * each needs an entry in lib/languages.ts and chrome messages in lib/i18n/messages/.
   */
  SITE_LANGUAGES: z
    .string()
    .default(DEFAULT_SITE_LANGUAGES)
    .transform((list, ctx) => {
      try {
        return parseSiteLanguages(list);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /**
   * The site's name in its other languages, `code=name` pairs separated by semicolons
   * ("ja=知事室ニュース"); a language without one uses SITE_NAME.
   */
  SITE_NAMES: z
    .string()
    .default("ja=知事室ニュース")
    .transform((list, ctx) => {
      const names: Record<string, string> = {};
      for (const pair of list
        .split(";")
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [code = "", ...rest] = pair.split("=");
        const name = rest.join("=").trim();
        if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(code.trim()) || !name) {
          ctx.addIssue({ code: "custom", message: `SITE_NAMES entries are code=name pairs separated by ";" (got "${pair}")` });
          return z.NEVER;
        }
        names[code.trim()] = name;
      }
      return names;
    }),
  /**
   * Where subscriber e-mail goes: smtp://user:pass@host:587 or smtps://… (nodemailer's URL form).
   * Unset, messages are kept in the database and shown in the studio instead of sent.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example:587")
    .optional(),
  /** The sender of subscriber e-mail, as an address or "Name <address>". */
  MAIL_FROM: z.string().min(3).default("Office of the Governor <news@localhost>"),
  /** Run the outbox worker (subscriber e-mail, WebSub pings) in this process; "off" where `npm run outbox:worker` runs it. */
  OUTBOX_WORKER: z.enum(["on", "off"]).default("on"),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(200).max(60_000).default(3_000),
  /** SMTP connections the worker keeps open at once. */
  MAIL_CONNECTIONS: z.coerce.number().int().min(1).max(64).default(8),
  /** First retry delay after a failed hand-over; it doubles with each attempt up to an hour. */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** How long a worker holds the messages it claimed; a dead worker's go out again after this. Longer than a batch takes. */
  MAIL_LEASE_MS: z.coerce.number().int().min(500).max(3_600_000).default(60_000),
  /** Hand-overs tried before a message is marked failed. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  /** A WebSub hub (https://pubsubhubbub.appspot.com/): feeds advertise it and each change pings it. */
  WEBSUB_HUB_URL: z.url("WEBSUB_HUB_URL must be an absolute URL such as https://pubsubhubbub.appspot.com/").optional(),
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
  const data = parsed.data;
  const oidc = [data.OIDC_ISSUER, data.OIDC_CLIENT_ID, data.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidc !== 0 && oidc !== 3) {
    throw new Error(
      "Invalid environment configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together: set all three or none.",
    );
  }
  return data;
}

const DEVELOPMENT_AUTH_SECRET = "koho-development-secret-not-for-production-use-000";

/** The session-signing secret; in production a missing one is an error, not a default. */
export function authSecret(config: Env = env()): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (config.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("AUTH_SECRET is not set. Generate one with `openssl rand -base64 33` and set it in the environment.");
  }
  return DEVELOPMENT_AUTH_SECRET;
}

let cached: Env | undefined;
// Settings chosen for one call tree (a test file) instead of the process's, which are parsed once.
const scope = new AsyncLocalStorage<Env>();

export function env(): Env {
  const scoped = scope.getStore();
  if (scoped) return scoped;
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Runs `fn` with env() answering the process's settings with `overrides` on top (validated the same
 * way), so tests change DATABASE_URL or MEDIA_DIR without reloading modules.
 */
export function withEnv<T>(overrides: Record<string, string | undefined>, fn: () => T): T {
  return scope.run(parseEnv({ ...process.env, ...overrides }), fn);
}

/** The site's default language: its pages have no address prefix. */
export function defaultLanguage(config: Env = env()) {
  return config.SITE_LANGUAGES[0]!;
}

/**
 * The site's name on pages in `language` (SITE_NAMES, else SITE_NAME), and the language it is
 * written in, so a page in another language can mark it with `lang`.
 */
export function siteName(language: string, config: Env = env()): { name: string; language: string } {
  const own = config.SITE_NAMES[language];
  return own ? { name: own, language } : { name: config.SITE_NAME, language: defaultLanguage(config).code };
}
