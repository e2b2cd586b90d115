import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, startServer } from "./processes";

/** nginx is optional: found on PATH or in /usr/sbin, or the nginx rows are skipped. */
export function findNginx(): string | null {
  const dirs = [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin"];
  for (const dir of dirs) if (dir && existsSync(join(dir, "nginx"))) return join(dir, "nginx");
  return null;
}

/**
 * deploy/nginx.conf made runnable on a laptop: plain http on a free port instead of TLS on
 * 443, the bench's app as the only upstream, cache and temp files under `dir`. Everything
 * else (cache key, validity, stale handling, bypasses, compression) is the shipped file.
 */
export function localNginxConfig(
  shipped: string,
  {
    port,
    redirectPort,
    appPort,
    dir,
    appPorts,
    refreshPort,
    studioPort,
  }: { port: number; redirectPort: number; appPort: number; dir: string; appPorts?: number[]; refreshPort?: number; studioPort?: number },
): string {
  const upstreams = (appPorts ?? [appPort]).map((p) => `server 127.0.0.1:${p} `).join("max_fails=3 fail_timeout=10s;\n    ");
  return (
    shipped
      .split("\n")
      .filter((line) => !/^\s*listen \[::\]/.test(line) && !/^\s*ssl_certificate/.test(line))
      .join("\n")
      .replace(/listen 80;/, `listen 127.0.0.1:${redirectPort};`)
      .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${port};`)
      .replace(/server 127\.0\.0\.1:3000 /, upstreams)
      // Staff go to their own process when there is one, else to the (first) readers' process.
      .replace(
        /(upstream koho_studio \{\n(?:\s*#.*\n)*\s*server )127\.0\.0\.1:3000/,
        (_, head: string) => `${head}127.0.0.1:${studioPort ?? appPorts?.[0] ?? appPort}`,
      )
      // The loopback listener for the app's refresh requests: on its own free port, or dropped.
      .replace(/^\s*listen 127\.0\.0\.1:8081;$/m, refreshPort ? `    listen 127.0.0.1:${refreshPort};` : "")
      .replace(/proxy_cache_path \S+/, `proxy_cache_path ${join(dir, "cache")}`)
      // On 443 `$host` is the whole public host; on a free port the app must see the port too,
      // or its redirects and the server actions' same-origin check point at port 80.
      .replace(/proxy_set_header (Host|X-Forwarded-Host) \$host;/g, "proxy_set_header $1 $http_host;")
  );
}

/** nginx's main file for a run under `dir`: one worker in the foreground, temp files and logs there, `http` around `http`. */
export function nginxMainConfig(dir: string, http: string): string {
  return [
    // As root, nginx would hand its workers to `nobody`, who cannot enter the private temp folder.
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    "daemon off;",
    "worker_processes 1;",
    `pid ${join(dir, "nginx.pid")};`,
    `error_log ${join(dir, "error.log")} warn;`,
    "events { worker_connections 1024; }",
    // Every answer that took nginx 5 s or more, and every request whose client gave up first
    // (499), so a flood's client timeouts can be placed: in the app behind nginx (upstream time
    // close to the total), in nginx, or in the load generator (neither: nginx had answered).
    `http { map "$status:$request_time" $koho_slow { ~^499: 1; ~^[0-9]+:[0-4]\\. 0; default 1; } log_format koho_slow '$msec $status $request_time $upstream_response_time $upstream_cache_status $uri $upstream_addr'; access_log ${join(dir, "slow-requests.log")} koho_slow if=$koho_slow; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi; ${http} }`,
  ].join("\n");
}

/** One line per staff request: when (epoch seconds), method, status, seconds from first byte in to last byte out, Next-Action. */
const STAFF_LOG_FORMAT = "log_format koho_staff '$msec $request_method $status $request_time \"$http_next_action\"';";

export async function startNginx(options: {
  repoRoot: string;
  appPort: number;
  dir: string;
  appPorts?: number[];
  refreshPort?: number;
  studioPort?: number;
  port?: number;
  /** A file to log every staff request's timing to (method, status, seconds at the edge, Next-Action). */
  staffLog?: string;
}) {
  const { repoRoot, appPort, dir, appPorts, refreshPort, studioPort, staffLog } = options;
  const bin = findNginx();
  if (!bin) return null;
  mkdirSync(join(dir, "cache"), { recursive: true });
  chmodSync(dir, 0o755);
  const [port, redirectPort] = [options.port ?? (await freePort()), await freePort()];
  const site = localNginxConfig(readFileSync(join(repoRoot, "deploy", "nginx.conf"), "utf8"), {
    port,
    redirectPort,
    appPort,
    dir,
    appPorts,
    refreshPort,
    studioPort,
  });
  const logged = staffLog
    ? site.replace("proxy_pass http://koho_studio;", `proxy_pass http://koho_studio;\n        access_log ${staffLog} koho_staff;`)
    : site;
  writeFileSync(join(dir, "koho.conf"), logged);
  writeFileSync(join(dir, "main.conf"), nginxMainConfig(dir, `${STAFF_LOG_FORMAT} include ${join(dir, "koho.conf")};`));
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer(bin, ["-c", join(dir, "main.conf"), "-p", dir], {
    cwd: dir,
    env: process.env,
    url: `${url}/robots.txt`,
  });
  return { ...server, origin: url, port };
}
