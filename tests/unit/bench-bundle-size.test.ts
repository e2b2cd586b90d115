import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { firstLoadFiles, parseClientReferenceManifest, routeFirstLoadJs, servedScriptFiles } from "@/bench/bundle-size";

// The shape Next 16 (Turbopack) writes to server/app/<route>/page_client-reference-manifest.js.
const MANIFEST = `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};
globalThis.__RSC_MANIFEST["/(site)/news/[slug]/page"] = {"moduleLoading":{"prefix":""},
"clientModules":{"[project]/node_modules/next/dist/client/app-dir/link.js":{"id":1,"name":"*","chunks":["/_next/static/chunks/link.js"],"async":false}},
"entryCSSFiles":{"[project]/app/layout":[{"path":"static/chunks/site.css","inlined":false}]},
"entryJSFiles":{"[project]/app/layout":["static/chunks/layout.js"],"[project]/app/(site)/news/[slug]/page":["static/chunks/layout.js","static/chunks/link.js"]}};`;
const BUILD_MANIFEST = {
  polyfillFiles: ["static/chunks/polyfill.js"],
  rootMainFiles: ["static/chunks/main.js", "static/chunks/turbopack-runtime.js"],
};

const dist = mkdtempSync(join(tmpdir(), "bench-bundle-test-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const chunks: Record<string, string> = {
  "main.js": "console.log('react and the router');".repeat(50),
  "turbopack-runtime.js": "var runtime = {};",
  "layout.js": "export const layout = 1;",
  "link.js": "export const link = 'next/link';",
  "polyfill.js": "/* nomodule polyfills */",
  "editor.js": "class ProseMirrorView {} // @tiptap/core",
};

function writeBuild(routeDir: string, entryExtra: string[] = []) {
  mkdirSync(join(dist, "static", "chunks"), { recursive: true });
  for (const [name, text] of Object.entries(chunks)) writeFileSync(join(dist, "static", "chunks", name), text);
  const route = join(dist, "server", "app", routeDir);
  mkdirSync(join(route, "page"), { recursive: true });
  const manifest = MANIFEST.replace('"static/chunks/link.js"]}', `"static/chunks/link.js"${entryExtra.map((f) => `,"${f}"`).join("")}]}`);
  writeFileSync(join(route, "page_client-reference-manifest.js"), manifest);
  writeFileSync(join(route, "page", "build-manifest.json"), JSON.stringify(BUILD_MANIFEST));
}

describe("first-load JS of a route", () => {
  it("reads the client reference manifest without executing it in this realm", () => {
    const parsed = parseClientReferenceManifest(MANIFEST);
    expect(Object.keys(parsed.entryJSFiles ?? {})).toHaveLength(2);
    expect((globalThis as { __RSC_MANIFEST?: unknown }).__RSC_MANIFEST).toBeUndefined();
  });

  it("is the root main files plus the entry chunks, de-duplicated, without polyfills or CSS", () => {
    expect(firstLoadFiles(BUILD_MANIFEST, parseClientReferenceManifest(MANIFEST))).toEqual([
      "static/chunks/layout.js",
      "static/chunks/link.js",
      "static/chunks/main.js",
      "static/chunks/turbopack-runtime.js",
    ]);
  });

  it("sums the gzip size of each file and finds no editor code in a public route", () => {
    writeBuild("(site)/news/[slug]");
    const report = routeFirstLoadJs(dist, "(site)/news/[slug]")!;
    const expected = ["layout.js", "link.js", "main.js", "turbopack-runtime.js"]
      .map((f) => gzipSync(chunks[f]!, { level: 9 }).length)
      .reduce((a, b) => a + b, 0);
    expect(report.totalGzipBytes).toBe(expected);
    expect(report.totalBytes).toBe(["layout.js", "link.js", "main.js", "turbopack-runtime.js"].reduce((n, f) => n + chunks[f]!.length, 0));
    expect(report.editorCode).toEqual([]);
  });

  it("names the chunk when Tiptap/ProseMirror code reaches the route", () => {
    writeBuild("(site)/leaky", ["static/chunks/editor.js"]);
    expect(routeFirstLoadJs(dist, "(site)/leaky")!.editorCode).toEqual(["static/chunks/editor.js"]);
  });

  it("returns null for a route the build does not have", () => {
    expect(routeFirstLoadJs(dist, "(site)/missing")).toBeNull();
  });
});

describe("JS a served page loads", () => {
  it("is each /_next/ script src in its HTML, without nomodule polyfills, JSON-LD or other origins", () => {
    const html =
      '<html><head><script src="/_next/static/chunks/b.js?dpl=1" async=""></script><script src="/_next/static/chunks/p.js" noModule=""></script>' +
      '<script src="https://elsewhere.example/x.js"></script></head><body><script type="application/ld+json">{}</script>' +
      '<script src="/_next/static/chunks/a.js"></script><script src="/_next/static/chunks/b.js"></script></body></html>';
    expect(servedScriptFiles(html)).toEqual(["static/chunks/a.js", "static/chunks/b.js"]);
    expect(servedScriptFiles("<html><body><p>no scripts</p></body></html>")).toEqual([]);
  });
});
