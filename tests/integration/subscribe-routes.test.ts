import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { POST as confirmPost } from "@/app/(site)/email/confirm/[token]/submit/route";
import { POST as managePost } from "@/app/(site)/email/manage/[token]/submit/route";
import { POST as subscribePost } from "@/app/(site)/email/subscribe/route";
import { POST as unsubscribePost } from "@/app/(site)/email/unsubscribe/[token]/submit/route";
import { subscribers } from "@/db/schema";
import { decodeFlash, FLASH_COOKIE } from "@/lib/subscription-flash";
import { manageToken } from "@/server/subscriptions/tokens";
import { integrationTest } from "../support/fixtures";
import { databaseFingerprint } from "../support/security-fingerprint";

const it = integrationTest();

/** The e-mail alert forms' POST routes: 303s without JavaScript, the reader's values kept out of the address, and no 500 for any body. */
const URLENCODED = { "content-type": "application/x-www-form-urlencoded" };
const post = (body: BodyInit | null, headers: Record<string, string> = URLENCODED, ip = "192.0.2.77") =>
  new Request("http://localhost:3000/email/subscribe", { method: "POST", headers: { ...headers, "x-forwarded-for": ip }, body });
const params = (token: string) => ({ params: Promise.resolve({ token }) });

describe("the subscribe route", () => {
  it("answers 303 to check-inbox, in the form's language, and clears the refused form's cookie", async ({ db }) => {
    const body = new URLSearchParams({ email: "Route@Example.com", language: "en", scope: "all", frequency: "immediate", digestHour: "8" });
    const request = post(body.toString());
    request.headers.set("x-koho-language", "ja");
    const response = await subscribePost(request);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/ja/subscribe/check-inbox");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("set-cookie")).toMatch(new RegExp(`^${FLASH_COOKIE}=; Path=/; Max-Age=0`));
    expect(await db.select().from(subscribers).where(eq(subscribers.email, "route@example.com"))).toHaveLength(1);
  });

  it("sends a refused form back with its values in a cookie, never in the address", async () => {
    const body = new URLSearchParams({ email: "typo@@example", language: "en", scope: "chosen", frequency: "daily", digestHour: "30" });
    const response = await subscribePost(post(body.toString()));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/subscribe?problem=1");
    const cookie = /^koho_subscription_form=([^;]+);.*HttpOnly; SameSite=Lax/.exec(response.headers.get("set-cookie") ?? "");
    expect(decodeFlash(cookie?.[1])).toEqual({
      values: { email: "typo@@example", language: "en", scope: "chosen", categories: [], frequency: "daily", digestHour: "30" },
      problems: { email: "emailInvalid", categories: "categoriesNone", digestHour: "digestHour" },
    });
  });

  it("never answers 500 and writes nothing for hostile bodies", async ({ client }) => {
    const before = await databaseFingerprint(client);
    const bodies: [BodyInit | null, Record<string, string>][] = [
      [null, {}],
      ["", URLENCODED],
      ["%%%", URLENCODED],
      ["email=a%40b.example&language=en&scope=chosen&category=-1&frequency=immediate", URLENCODED],
      [`email=${"a".repeat(100_000)}`, URLENCODED],
      ['{"email":"a@b.example"}', { "content-type": "application/json" }],
      ["--x\r\nbroken", { "content-type": "multipart/form-data; boundary=x" }],
      ["email=x&status=confirmed&language=en&scope=all&frequency=immediate", URLENCODED],
    ];
    for (const [body, headers] of bodies) {
      const response = await subscribePost(post(body, headers));
      expect(response.status, String(body).slice(0, 40)).toBeLessThan(500);
      expect([303, 400]).toContain(response.status);
    }
    for (const [token, handler] of [
      ["", confirmPost],
      ["1.x.y", confirmPost],
      ["nonsense", managePost],
      [`1.${"A".repeat(43)}`, unsubscribePost],
    ] as const) {
      const response = await handler(post("List-Unsubscribe=One-Click"), params(token));
      expect(response.status, token).toBeLessThan(500);
    }
    expect(await databaseFingerprint(client)).toEqual(before);
  });
});

describe("the one-click unsubscribe route", () => {
  it("a mail client's POST with no cookie or Origin answers 200 and deletes the address; a second answers 404", async ({ db }) => {
    const body = new URLSearchParams({
      email: "one-click@example.com",
      language: "ja",
      scope: "all",
      frequency: "immediate",
      digestHour: "8",
    });
    await subscribePost(post(body.toString(), URLENCODED, "192.0.2.78"));
    const [row] = await db.select().from(subscribers).where(eq(subscribers.email, "one-click@example.com"));
    const token = manageToken(row!);
    const first = await unsubscribePost(post("List-Unsubscribe=One-Click"), params(token));
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('lang="ja"');
    expect(await db.select().from(subscribers).where(eq(subscribers.id, row!.id))).toEqual([]);
    const again = await unsubscribePost(post("List-Unsubscribe=One-Click"), params(token));
    expect(again.status).toBe(404);
    expect(await again.text()).toContain("This link no longer works");
  });
});
