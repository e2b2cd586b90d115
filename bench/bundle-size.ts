import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { Parser } from "htmlparser2";

/** Code that must never reach a public page: the Tiptap/ProseMirror editor and the auth client. */
export const EDITOR_MARKERS = /prosemirror|tiptap/i;
export const AUTH_CLIENT_MARKERS = /next-auth|\/api\/auth\/session|__NEXTAUTH/;

type ClientReferenceManifest = {
  clientModules?: Record<string, { chunks?: string[] }>;
  entryJSFiles?: Record<string, string[]>;
};

/** Evaluates a `page_client-reference-manifest.js` text (it assigns globalThis.__RSC_MANIFEST[route]). */
export function parseClientReferenceManifest(source: string): ClientReferenceManifest {
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(source, sandbox, { timeout: 1_000 });
  const routes = Object.values(sandbox.__RSC_MANIFEST ?? {});
  if (routes.length !== 1) throw new Error(`expected one route in the client reference manifest, found ${routes.length}`);
  return routes[0]!;
}

const normalise = (file: string) => file.replace(/^\/?_next\//, "").replace(/^\//, "");

/**
 * The JS files a first visit to a route downloads: the framework's root main files (from the
 * route's build-manifest.json) plus every chunk its layouts and page load (entryJSFiles of
 * the client reference manifest). Polyfills are left out: modern browsers skip them (nomodule).
 */
export function firstLoadFiles(buildManifest: { rootMainFiles?: string[] }, manifest: ClientReferenceManifest): string[] {
  const files = new Set<string>((buildManifest.rootMainFiles ?? []).map(normalise));
  for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(normalise(f));
  return [...files].filter((f) => f.endsWith(".js")).sort();
}

export const gzipBytes = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;

export type BundleReport = {
  files: { file: string; bytes: number; gzipBytes: number }[];
  totalBytes: number;
  totalGzipBytes: number;
  editorCode: string[];
  authClientCode: string[];
};

/** Sizes and scans a set of files under `distDir`; `read` is injectable for tests. */
export function measureFiles(distDir: string, files: string[], read: (path: string) => Buffer = (p) => readFileSync(p)): BundleReport {
  const report: BundleReport = { files: [], totalBytes: 0, totalGzipBytes: 0, editorCode: [], authClientCode: [] };
  for (const file of files) {
    const content = read(join(distDir, file));
    const entry = { file, bytes: content.length, gzipBytes: gzipBytes(content) };
    report.files.push(entry);
    report.totalBytes += entry.bytes;
    report.totalGzipBytes += entry.gzipBytes;
    const text = content.toString("utf8");
    if (EDITOR_MARKERS.test(text)) report.editorCode.push(file);
    if (AUTH_CLIENT_MARKERS.test(text)) report.authClientCode.push(file);
  }
  return report;
}

/**
 * The JS files a served page actually loads: each `<script src>` under /_next/ (nomodule
 * polyfills left out, as above). Public pages are stored without Next's client runtime
 * (lib/http/without-client-runtime.ts), so what they load is what their HTML says, not what the
 * route's manifests would give a hydrating page.
 */
export function servedScriptFiles(html: string): string[] {
  const files = new Set<string>();
  const parser = new Parser({
    onopentag(name, attributes) {
      const src = attributes.src ?? "";
      if (name === "script" && src.startsWith("/_next/") && !("nomodule" in attributes)) files.add(normalise(src.split("?")[0]!));
    },
  });
  parser.end(html);
  return [...files].filter((f) => f.endsWith(".js")).sort();
}

/**
 * First-load JS of an App Router route from a build folder. `routeDir` is the route's folder
 * under server/app, e.g. "(site)/news/[slug]" or "" for the root page.
 */
export function routeFirstLoadJs(distDir: string, routeDir: string): BundleReport | null {
  const base = join(distDir, "server", "app", routeDir);
  const manifestPath = join(base, "page_client-reference-manifest.js");
  const routeBuildManifest = join(base, "page", "build-manifest.json");
  if (!existsSync(manifestPath)) return null;
  const buildManifest = JSON.parse(
    readFileSync(existsSync(routeBuildManifest) ? routeBuildManifest : join(distDir, "build-manifest.json"), "utf8"),
  ) as { rootMainFiles?: string[] };
  const manifest = parseClientReferenceManifest(readFileSync(manifestPath, "utf8"));
  return measureFiles(distDir, firstLoadFiles(buildManifest, manifest));
}
