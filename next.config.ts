import { resolve } from "node:path";
import type { NextConfig } from "next";
import { STATIC_CONTENT_SECURITY_POLICY } from "./lib/http/content-security-policy";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

// For responses that are not HTML pages: feeds, sitemaps, robots.txt, API answers and Next's
// assets. Every HTML page, public or staff, gets a per-request nonce policy from proxy.ts
// instead; both come from the one directive list in lib/http/content-security-policy.ts.

const nextConfig: NextConfig = {
  // Public reads are cached with "use cache" + cacheTag and invalidated on publish.
  cacheComponents: true,
  // Public pages await connection() outside <Suspense> (`instant = false`), so each request is
  // rendered whole from cached reads: unknown slugs answer a real 404 and nothing is stored per URL.
  partialPrefetching: false,
  // "use cache" entries: a bounded in-process LRU or Redis (REDIS_URL), checked on every request
  // against the durable tag expirations in SQLite (server/cache/cache-handler.mjs, README "Caching").
  // Absolute: Next imports it at run time, outside the bundle.
  cacheHandlers: {
    default: resolve(process.cwd(), "server/cache/cache-handler.mjs"),
    remote: resolve(process.cwd(), "server/cache/cache-handler.mjs"),
  },
  // Public pages get "blocking" metadata: the page, its status and its <head> (canonical, feed
  // links) are decided before the first byte, instead of a shell that has already sent 200 when
  // a page turns out to be a 404. proxy.ts marks public page requests with this token in their
  // User-Agent (the header the option is matched against); studio pages and server actions keep
  // streaming, because a blocking render of an action's redirect shows another item's page.
  htmlLimitedBots: /koho-blocking-render/,
  // Native database and hashing modules load from node_modules, not the bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@node-rs/argon2"],
  // The browser tests build into their own folder so they never clash with `next dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  typedRoutes: false,
  // CI type-checks with `npm run typecheck` before building; a local build beside someone's
  // unfinished files can skip the duplicate check with KOHO_SKIP_BUILD_TYPECHECK=1.
  typescript: { ignoreBuildErrors: process.env.KOHO_SKIP_BUILD_TYPECHECK === "1" },
  experimental: {
    // Stated rather than left to the default: a larger body is refused with 413 before the
    // action runs. An article document is a few hundred kB at most; uploads do not go through actions.
    serverActions: { bodySizeLimit: "1mb" },
  },
  // proxy.ts refuses a malformed Next-Router-State-Tree header with 400 (Next answers it with a bare
  // 500); by default Next removes the RSC headers from the request the proxy sees.
  skipProxyUrlNormalize: true,
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      // The complement of proxy.ts's page matcher (isHtmlPagePath), less /media/: two policies
      // would both apply, and uploads send their own `default-src 'none'; sandbox`.
      ...["/_next/:path*", "/api/:path*", "/sitemaps/:path*", "/((?!media/).*\\.(?:xml|json|txt|ico))"].map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: STATIC_CONTENT_SECURITY_POLICY }],
      })),
    ];
  },
};

export default nextConfig;
