// @ts-check
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import compression from "compression";
import next from "next";

/**
 * The production server (`npm start`): Next's own request handler, the same one `next start`
 * runs, behind one step that answers cache hits before Next routes the request.
 *
 * Why: under load a cache hit through `next start` served 0.6–0.7× what a static page does,
 * because every request still passes Next's router, proxy.ts and response pipeline even when
 * the answer is a stored string. Public pages and feeds already in the tag-checked caches
 * register answerers (server/http/front-answers.ts); this asks them first and writes the
 * answer itself, compressed as Next would (the `compression` package Next bundles). Anything
 * they decline (staff pages, posts, misses, odd addresses) goes to Next untouched.
 *
 * Flags as `next start`: -p/--port (else PORT, else 3000), -H/--hostname (else every interface).
 */
const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  allowPositionals: false,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME;
// As `next start` does: a production server unless told otherwise, and PORT names the port
// it listens on (instrumentation.ts's scheduler reaches this process through it).
process.env.NODE_ENV ??= "production";
process.env.PORT = String(port);

const ANSWERERS = Symbol.for("koho.http.frontAnswers");
const compress = compression();
let warned = false;

/** @typedef {{ status: number, headers: [string, string][], body: string | Uint8Array | null }} FrontAnswer */

/** @param {import("node:http").IncomingMessage} req */
function frontRequest(req) {
  return {
    method: req.method ?? "GET",
    url: req.url ?? "",
    headers: {
      /** @param {string} name */
      get: (name) => {
        const value = req.headers[name];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
      /** @param {string} name */
      has: (name) => req.headers[name] !== undefined,
    },
  };
}

/**
 * The first registered answer for this request, or null. An answerer that fails (the tag
 * manifest cannot be read, say) is treated as a decline: Next then answers, and reports.
 * @param {import("node:http").IncomingMessage} req
 * @returns {Promise<FrontAnswer | null>}
 */
async function cachedAnswer(req) {
  /** @type {Set<(request: ReturnType<typeof frontRequest>) => Promise<FrontAnswer | null>> | undefined} */
  const answerers = /** @type {any} */ (globalThis)[ANSWERERS];
  if (!answerers || req.method !== "GET") return null;
  const request = frontRequest(req);
  try {
    for (const answer of answerers) {
      const found = await answer(request);
      if (found) return found;
    }
  } catch (error) {
    if (!warned) console.error("front server: a cache answer failed; Next answers instead", error);
    warned = true;
  }
  return null;
}

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {FrontAnswer} answer
 */
function send(req, res, answer) {
  const compressing = Boolean(req.headers["accept-encoding"]) && answer.body !== null;
  const write = () => {
    res.statusCode = answer.status;
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    if (!compressing && answer.body !== null) res.setHeader("Vary", varyWithAcceptEncoding(answer.headers));
    res.setHeader("X-Koho-Cache", "front");
    // Encoded once here (not once for the length and again for the socket); compression drops
    // the length when it compresses, and without it the reply is not chunked.
    const body = typeof answer.body === "string" ? Buffer.from(answer.body) : answer.body;
    if (body !== null) res.setHeader("Content-Length", body.byteLength);
    res.end(body ?? undefined);
  };
  // compression() wraps res's write/end for this response when the client accepts gzip or brotli;
  // a client that accepts neither gets the bytes as they are, as compression() would send them.
  if (compressing) compress(/** @type {any} */ (req), /** @type {any} */ (res), write);
  else write();
}

/**
 * The Vary compression() would have sent: the answer's own plus Accept-Encoding.
 * @param {[string, string][]} headers
 */
function varyWithAcceptEncoding(headers) {
  const vary = headers.find(([name]) => name.toLowerCase() === "vary")?.[1];
  if (!vary) return "Accept-Encoding";
  return /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary) ? vary : `${vary}, Accept-Encoding`;
}

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  cachedAnswer(req).then(
    (answer) => (answer ? send(req, res, answer) : handle(req, res)),
    () => handle(req, res),
  );
});
server.listen(port, hostname, () => {
  console.log(`Kōhō listening on http://${hostname ?? "localhost"}:${port}`);
});

for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.once(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
