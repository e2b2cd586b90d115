import { describe, expect } from "vitest";
import "../support/session";
import { POST as outboxRun } from "@/app/api/outbox/run/route";
import { POST } from "@/app/api/scheduler/run/route";
import { integrationTest } from "../support/fixtures";
import { databaseFingerprint } from "../support/security-fingerprint";

const it = integrationTest();

const BODIES: (string | null)[] = [
  null,
  "",
  "{",
  "not json",
  "[]",
  "null",
  '{"published":[1,2,3]}',
  "\u0000\u0001",
  "x".repeat(200_000),
  '{"__proto__":{"admin":true}}',
];

describe("route handlers under hostile requests", () => {
  it("the scheduler and outbox ticks refuse every request without their token with a 401 JSON answer, writing nothing", async ({
    client,
  }) => {
    const before = await databaseFingerprint(client);
    const auths = [undefined, "", "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer x", `Bearer ${"a".repeat(43)}`, "Bearer null"];
    let tried = 0;
    for (const authorization of auths) {
      for (const [body, handler] of BODIES.flatMap((b) => [[b, POST] as const, [b, outboxRun] as const])) {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (authorization !== undefined) headers.authorization = authorization;
        const response = await handler(new Request("http://localhost:3000/api/run", { method: "POST", headers, body }));
        expect(response.status).toBe(401);
        const json = await response.json();
        expect(json.error.code).toBe("unauthorized:scheduler");
        tried++;
      }
    }
    expect(await databaseFingerprint(client)).toEqual(before);
    console.log(`security-route-handlers: ${tried} unauthenticated scheduler and outbox requests refused`);
  });
});
