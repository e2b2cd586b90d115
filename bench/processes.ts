import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** Every process the bench started, so they are all stopped on exit or Ctrl-C. */
const started = new Set<ChildProcess>();

/** Puts a process the caller spawned (detached, in its own group) under the same stop-on-exit care. */
export function track(child: ChildProcess): ChildProcess {
  started.add(child);
  child.on("exit", () => started.delete(child));
  return child;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion, its output going to the terminal only when it fails. */
export function runCommand(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"], detached: true });
    started.add(child);
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    child.stderr!.on("data", (d) => (output += d));
    child.on("exit", (code) => {
      started.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${output.slice(-4000)}`));
    });
  });
}

/** Starts a long-running server in its own process group and waits until `url` answers. */
export async function startServer(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; url: string }) {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  started.add(child);
  let output = "";
  child.stdout!.on("data", (d) => (output = (output + d).slice(-8000)));
  child.stderr!.on("data", (d) => (output = (output + d).slice(-8000)));
  child.on("exit", () => started.delete(child));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} exited early (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(options.url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      return { child, pid: child.pid!, output: () => output };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  stopProcess(child);
  throw new Error(`${command} did not answer ${options.url} within 90 s:\n${output}`);
}

/** Stops one process group this bench started (SIGTERM, then SIGKILL after 3 s). */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(timer);
      started.delete(child);
      resolve();
    });
    kill("SIGTERM");
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all([...started].map(stopProcess));
}

/** Stops everything on Ctrl-C / SIGTERM and, synchronously, on any other exit. */
export function installCleanup(onExit: () => void = () => {}) {
  const hard = () => {
    for (const child of started) {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    onExit();
  };
  process.once("exit", hard);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the servers the bench started…`);
      void stopAll().finally(() => {
        onExit();
        process.exit(130);
      });
    });
  }
}

function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) comes after the parenthesised command name, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) kids.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return kids;
}

/** VmRSS summed over a process and all its descendants, in bytes (Linux /proc); null elsewhere. */
export function treeRssBytes(pid: number): number | null {
  try {
    let total = 0;
    const queue = [pid];
    while (queue.length) {
      const p = queue.shift()!;
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      total += kb * 1024;
      queue.push(...childrenOf(p));
    }
    return total;
  } catch {
    return null;
  }
}

/** Debian's redis-server on a free loopback port with no persistence, or null when it is not installed. */
export async function startBenchRedis(): Promise<{ url: string; stop: () => void } | null> {
  if (!existsSync("/usr/bin/redis-server")) return null;
  const port = await freePort();
  const child = spawn("/usr/bin/redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", ""], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 300));
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}
