import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type HubRequest = { method: string; contentType: string; params: URLSearchParams; answeredWith: number };

/**
 * A real HTTP server standing in for a WebSub hub (node:http on a free loopback port): it keeps
 * every request it gets and answers each with the status set by `answer()` (202 Accepted, as
 * hubs do, until told otherwise). `published()` lists the topics it accepted, in order.
 */
export async function startHubReceiver() {
  const requests: HubRequest[] = [];
  let status = 202;
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answeredWith = status;
    requests.push({
      method: req.method ?? "",
      contentType: req.headers["content-type"] ?? "",
      params: new URLSearchParams(Buffer.concat(chunks).toString("utf8")),
      answeredWith,
    });
    res.writeHead(answeredWith, { "Content-Type": "text/plain" }).end(answeredWith < 300 ? "" : "Hub is having a bad day");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hub`,
    requests,
    answer(next: number) {
      status = next;
    },
    /** The hub.url of every request answered 2xx. */
    published: () => requests.filter((r) => r.answeredWith < 300).map((r) => r.params.get("hub.url") ?? ""),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type HubReceiver = Awaited<ReturnType<typeof startHubReceiver>>;
