import "server-only";

/**
 * The client's address as the server saw it. `next start` and reverse proxies
 * set X-Forwarded-For; a client can forge it, which is why the per-account
 * lock, not the per-address one, is the main defence against guessing.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip") || "").slice(0, 64) || null;
}
