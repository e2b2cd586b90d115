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

describe("localNginxConfig with a staff process", () => {
  const upstream = (config: string, name: string) => new RegExp(`upstream ${name} \\{[^}]*\\}`).exec(config)?.[0] ?? "";

  it("sends staff paths to their own process when there is one", () => {
    const local = localNginxConfig(shipped, {
      port: 1,
      redirectPort: 2,
      appPort: 40003,
      appPorts: [40003, 40004],
      studioPort: 40005,
      dir: "/t",
    });
    expect(upstream(local, "koho_app")).toMatch(/server 127\.0\.0\.1:40003 [^]*server 127\.0\.0\.1:40004 /);
    expect(upstream(local, "koho_studio")).toContain("server 127.0.0.1:40005 ");
    expect(local).toMatch(/location ~ \^\/\(studio\|api\|sign-in\|preview\)[^}]*proxy_pass http:\/\/koho_studio;/);
  });

  it("else sends them to the readers' process, as the shipped file does with one process", () => {
    const local = localNginxConfig(shipped, { port: 1, redirectPort: 2, appPort: 40003, dir: "/t" });
    expect(upstream(local, "koho_studio")).toContain("server 127.0.0.1:40003 ");
    expect(upstream(shipped, "koho_studio")).toContain("server 127.0.0.1:3000 ");
    expect(upstream(shipped, "koho_app")).toContain("server 127.0.0.1:3000 ");
  });
});
