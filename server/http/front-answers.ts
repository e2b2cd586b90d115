import "server-only";

/**
 * Answers the front server (server/http/front-server.mjs) gives before Next routes a request:
 * a public page or feed already in this process's tag-checked caches is written straight to the
 * socket, so a cache hit costs about what serving a static file costs instead of a pass through
 * Next's router, proxy and response pipeline (which a CPU profile under load showed as most of a
 * hit). Anything an answerer is unsure of returns null and Next answers it as before.
 *
 * The caches register here from inside Next's bundle (where their entries live); the front
 * server reads the registry through globalThis, as the cache handler's tag manifest is shared.
 */
export type FrontRequest = {
  method: string;
  /** The request target exactly as received (origin-form: path and query string). */
  url: string;
  headers: { get(name: string): string | null; has(name: string): boolean };
};

export type FrontAnswer = { status: number; headers: [string, string][]; body: string | Uint8Array | null };

export type FrontAnswerer = (request: FrontRequest) => Promise<FrontAnswer | null>;

const REGISTRY = Symbol.for("koho.http.frontAnswers");

/** Adds an answerer; several copies of one module (one per route bundle) each add their own. */
export function answerBeforeNext(answerer: FrontAnswerer): void {
  const registry = globalThis as Record<symbol, Set<FrontAnswerer> | undefined>;
  (registry[REGISTRY] ??= new Set()).add(answerer);
}

/**
 * The path and query string of a request target already in the form Next hands its routes, or
 * null for anything Next would first normalise, redirect or refuse (dot segments, `//`,
 * backslashes, undecodable escapes, absolute-form targets): those are left to Next.
 */
export function canonicalAddress(target: string): { path: string; search: string } | null {
  if (!target.startsWith("/") || target.startsWith("//") || target.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(target, "http://front.invalid");
    decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.pathname + url.search !== target) return null;
  return { path: url.pathname, search: url.search };
}
