/**
 * Sent on every response, public or staff: next.config.ts applies them to what Next answers, and
 * the front server's cache answers carry them too (server/http/front-answers.ts).
 */
export const STATIC_SECURITY_HEADERS = [
  // Two years, subdomains too; browsers ignore it over plain http (local development, tests).
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  },
] as const;
