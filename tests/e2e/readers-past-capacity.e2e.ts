import { describe, expect, it, vi } from "vitest";
import "../support/next-cache-stub";
import "../support/auth-stub";
import { seededAppForFile } from "./support/seeded-app";

vi.mock("server-only", () => ({}));

/**
 * Past capacity (server/public/load-shedding.ts), forced with KOHO_SHED_LAG_MS=force so no
 * machine has to be overloaded: a page that would have to be rendered is refused at once with
 * 503 and Retry-After, pages already rendered are still served from the whole-page cache
 * (server/cache/public-page-cache.ts) with a fresh nonce each, and staff pages are never refused.
 */
const suite = seededAppForFile("koho-readers-capacity-", { KOHO_SHED_LAG_MS: "force" });

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

describe("past capacity", () => {
  it("refuses a page that must be rendered with a fast 503 and Retry-After, never stored", async () => {
    const res = await fetch(`${suite.app.url}/search?q=governor`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toContain("Please try again in a few seconds");
  });

  it("still serves pages already rendered, each response with its own nonce in header and body", async () => {
    await fetch(`${suite.app.url}/`).then((r) => r.text()); // a miss: refused, and rendered once in the background
    await expect.poll(async () => await fetch(`${suite.app.url}/`).then((r) => r.status), { timeout: 60_000, interval: 250 }).toBe(200);
    const [a, b] = [await fetch(`${suite.app.url}/`), await fetch(`${suite.app.url}/`)];
    const [htmlA, htmlB] = [await a.text(), await b.text()];
    const [nonceA, nonceB] = [nonceOf(a.headers.get("content-security-policy")), nonceOf(b.headers.get("content-security-policy"))];
    expect(nonceA).toBeTruthy();
    expect(nonceA).not.toBe(nonceB);
    expect(htmlA).toContain(`nonce="${nonceA}"`);
    expect(htmlB).toContain(`nonce="${nonceB}"`);
    expect(htmlA).not.toContain(`nonce="${nonceB}"`);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
  }, 90_000);

  it("never refuses staff pages", async () => {
    const res = await fetch(`${suite.app.url}/sign-in`);
    expect(res.status).toBe(200);
  });

  it("does not keep unknown addresses: they stay refused rather than served from the page cache", async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${suite.app.url}/news/no-such-item-here`)).status).toBe(503);
  });
});
