// The plain-Node baseline: one file from disk, read once, served with the headers a static server sends.
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";

const [file, port] = [process.argv[2], Number(process.argv[3])];
const body = readFileSync(file);
const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
const lastModified = statSync(file).mtime.toUTCString();
createServer((req, res) => {
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, { ETag: etag });
    return res.end();
  }
  res.writeHead(200, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": body.length,
    "Cache-Control": "public, max-age=60",
    "Last-Modified": lastModified,
    ETag: etag,
  });
  res.end(body);
}).listen(port, "127.0.0.1");
