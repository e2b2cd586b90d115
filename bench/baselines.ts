import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, runCommand, startServer } from "./processes";

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
  if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
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
 * `targetBytes`. Built once; if the result is more than 5% off, the padding is scaled and
 * it is built once more. Returns the running server.
 */
export async function startStaticNextBaseline({
  dir,
  repoRoot,
  targetBytes,
  build,
  log,
}: {
  dir: string;
  repoRoot: string;
  targetBytes: number;
  build: boolean;
  log: (s: string) => void;
}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.NEXT_DIST_DIR;
  const buildOnce = async (padding: number) => {
    writeBaselineApp(dir, repoRoot, padding);
    await runCommand(process.execPath, [nextBin(repoRoot), "build"], { cwd: dir, env });
    return readFileSync(join(dir, ".next", "server", "app", "index.html")).length;
  };
  let padding = Math.max(1_000, Math.round(targetBytes * 0.45));
  const previous = join(dir, ".next", "server", "app", "index.html");
  if (build || !existsSync(previous)) {
    log(`building the static Next baseline in ${dir}…`);
    const first = await buildOnce(padding);
    if (Math.abs(first - targetBytes) / targetBytes > 0.05) {
      const perPaddingByte = (first - 1_500) / padding;
      padding = Math.max(500, Math.round((targetBytes - 1_500) / Math.max(0.5, perPaddingByte)));
      await buildOnce(padding);
    }
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
