import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { routeFirstLoadJs } from "./bundle-size";
import { runLighthouse } from "./lighthouse";
import type { LoadResult } from "./load";
import { findNginx, nginxMainConfig } from "./nginx";
import { freePort, runCommand, startServer, stopProcess } from "./processes";

const here = dirname(fileURLToPath(import.meta.url));

/** Lorem-like prose in <p> elements, about `bytes` characters of markup. */
export function paddingParagraphs(bytes: number): string[] {
  const sentence = "The city publishes this static paragraph so the baseline page weighs what a news item weighs. ";
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const text = sentence.repeat(6).trim();
    paragraphs.push(text);
    size += text.length + 7; // <p></p>
  }
  return paragraphs;
}

function writeBaselineApp(dir: string, repoRoot: string, paddingBytes: number) {
  mkdirSync(join(dir, "app"), { recursive: true });
  // Re-pointed each time: a link left by another checkout may dangle or lead to other versions.
  rmSync(join(dir, "node_modules"), { force: true });
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bench-baseline", private: true, type: "module" }));
  // Turbopack only reads files under its root; node_modules is a symlink into the repo, so the root spans both.
  writeFileSync(
    join(dir, "next.config.mjs"),
    `export default { turbopack: { root: ${JSON.stringify(commonRoot(dir, repoRoot))} }, poweredByHeader: false };\n`,
  );
  writeFileSync(join(dir, "paragraphs.json"), JSON.stringify(paddingParagraphs(paddingBytes)));
  writeFileSync(
    join(dir, "app", "layout.jsx"),
    `export const metadata = { title: "Static baseline" };\nexport default function RootLayout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n`,
  );
  writeFileSync(
    join(dir, "app", "page.jsx"),
    `import paragraphs from "../paragraphs.json";\nexport default function Page() {\n  return <main><h1>Static baseline</h1>{paragraphs.map((p, i) => <p key={i}>{p}</p>)}</main>;\n}\n`,
  );
}

function commonRoot(a: string, b: string): string {
  const pa = a.split("/");
  const pb = b.split("/");
  let i = 0;
  while (i < pa.length && pa[i] === pb[i]) i++;
  return pa.slice(0, i).join("/") || "/";
}

const nextBin = (repoRoot: string) => join(repoRoot, "node_modules", "next", "dist", "bin", "next");

/**
 * Baseline (a): a separate, minimal Next app with one static page whose HTML is about
 * `targetBytes`. Built; if the result is more than 5% off, the padding is scaled and it is
 * built once more. Returns the running server.
 */
export async function startStaticNextBaseline({
  dir,
  repoRoot,
  targetBytes,
  log,
}: {
  dir: string;
  repoRoot: string;
  targetBytes: number;
  log: (s: string) => void;
}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.NEXT_DIST_DIR;
  const buildOnce = async (padding: number) => {
    writeBaselineApp(dir, repoRoot, padding);
    await runCommand(process.execPath, [nextBin(repoRoot), "build"], { cwd: dir, env });
    return readFileSync(join(dir, ".next", "server", "app", "index.html")).length;
  };
  // Always built (about half a minute): a build left by another checkout or Next version answers 500.
  let padding = Math.max(1_000, Math.round(targetBytes * 0.45));
  log(`building the static Next baseline in ${dir}…`);
  const first = await buildOnce(padding);
  if (Math.abs(first - targetBytes) / targetBytes > 0.05) {
    const perPaddingByte = (first - 1_500) / padding;
    padding = Math.max(500, Math.round((targetBytes - 1_500) / Math.max(0.5, perPaddingByte)));
    await buildOnce(padding);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const server = await startServer(process.execPath, [nextBin(repoRoot), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    env,
    url,
  });
  const htmlBytes = Buffer.byteLength(await (await fetch(url)).text());
  return { ...server, url, htmlBytes, distDir: join(dir, ".next") };
}

/** Baseline (b): the article's HTML bytes from a plain Node `http` server in its own process. */
export async function startPlainNodeBaseline({ file }: { file: string }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const server = await startServer(process.execPath, [join(here, "static-server.mjs"), file, String(port)], {
    cwd: here,
    env: process.env,
    url,
  });
  return { ...server, url };
}

/**
 * Baseline (c): the same HTML file from nginx (Debian's, found as for --nginx), one worker, no
 * access log: what a static web server makes of these bytes. Null when nginx is not installed.
 */
export async function startNginxBaseline({ file, dir }: { file: string; dir: string }) {
  const bin = findNginx();
  if (!bin) return null;
  mkdirSync(join(dir, "root"), { recursive: true });
  chmodSync(dir, 0o755);
  copyFileSync(file, join(dir, "root", "index.html"));
  const port = await freePort();
  const site = `types { text/html html; } server { listen 127.0.0.1:${port}; root ${join(dir, "root")}; location / { index index.html; } }`;
  writeFileSync(join(dir, "nginx.conf"), nginxMainConfig(dir, site));
  const url = `http://127.0.0.1:${port}/`;
  const server = await startServer(bin, ["-c", join(dir, "nginx.conf"), "-p", dir], { cwd: dir, env: process.env, url });
  return { ...server, url };
}

type Load = (url: string, headers?: Record<string, string>, serverPid?: number) => Promise<LoadResult>;

/**
 * The three baselines in turn, each alone on the machine while it is measured; with
 * `lighthouseRuns`, Lighthouse also scores the static Next page, which shows what this machine
 * lets a bare Next page reach (the scores depend on the CPU Lighthouse runs on).
 */
export async function measureBaselines(o: {
  repoRoot: string;
  articleFile: string;
  articleBytes: number;
  workDir: string;
  load: Load;
  log: (s: string) => void;
  lighthouseRuns: number;
}) {
  const baselineDir = join(tmpdir(), "koho-bench-baseline-app");
  mkdirSync(baselineDir, { recursive: true });
  const baseline = await startStaticNextBaseline({ dir: baselineDir, repoRoot: o.repoRoot, targetBytes: o.articleBytes, log: o.log });
  o.log(`static Next baseline: ${(baseline.htmlBytes / 1024).toFixed(1)} KB of HTML; measuring…`);
  const staticNext = {
    ...(await o.load(baseline.url, undefined, baseline.pid)),
    htmlBytes: baseline.htmlBytes,
    firstLoad: routeFirstLoadJs(baseline.distDir, ""),
  };
  const lighthouse = o.lighthouseRuns
    ? await runLighthouse({
        repoRoot: o.repoRoot,
        origin: baseline.url.replace(/\/$/, ""),
        pages: [{ name: "static Next baseline", path: "/" }],
        runs: o.lighthouseRuns,
        dir: o.workDir,
        log: o.log,
      })
    : undefined;
  await stopProcess(baseline.child);
  const node = await startPlainNodeBaseline({ file: o.articleFile });
  o.log("plain Node baseline: measuring…");
  const plainNode = await o.load(node.url, undefined, node.pid);
  await stopProcess(node.child);
  const staticNginx = await startNginxBaseline({ file: o.articleFile, dir: join(o.workDir, "nginx-baseline") });
  if (!staticNginx) o.log("nginx not found: no nginx baseline (apt-get install -y nginx)");
  let nginx: LoadResult | undefined;
  if (staticNginx) {
    o.log("nginx baseline: measuring…");
    nginx = await o.load(staticNginx.url, undefined, staticNginx.pid);
    await stopProcess(staticNginx.child);
  }
  return { staticNext, plainNode, nginx, lighthouse };
}
