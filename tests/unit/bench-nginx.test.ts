import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localNginxConfig } from "@/bench/nginx";

const shipped = readFileSync(new URL("../../deploy/nginx.conf", import.meta.url), "utf8");

describe("localNginxConfig", () => {
  const local = localNginxConfig(shipped, { port: 40001, redirectPort: 40002, appPort: 40003, dir: "/tmp/x" });

  it("serves plain http on the given ports, proxies to the bench's app and caches under the temp folder", () => {
    expect(local).toContain("listen 127.0.0.1:40001;");
    expect(local).toContain("listen 127.0.0.1:40002;");
    expect(local).toContain("server 127.0.0.1:40003 ");
    expect(local).toContain("proxy_cache_path /tmp/x/cache ");
    const directives = local
      .split("\n")
      .filter((line) => !line.trim().startsWith("#"))
      .join("\n");
    expect(directives).not.toMatch(/ssl_certificate|listen 443|listen \[::\]|127\.0\.0\.1:3000/);
  });

  it("keeps the shipped caching rules", () => {
    for (const rule of [
      "proxy_cache_use_stale updating",
      "proxy_cache_lock on",
      "proxy_cache_background_update on",
      "limit_req zone=koho_search",
    ]) {
      expect(local).toContain(rule);
    }
  });
});
