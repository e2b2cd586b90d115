import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Public reads are cached with "use cache" + cacheTag and invalidated on publish.
  cacheComponents: true,
  // Pages await their params outside <Suspense>, so each URL is rendered whole and stored:
  // unknown slugs answer a real 404 status instead of a streamed fallback.
  partialPrefetching: false,
  // Native database and hashing modules load from node_modules, not the bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@node-rs/argon2"],
  // The browser tests build into their own folder so they never clash with `next dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
