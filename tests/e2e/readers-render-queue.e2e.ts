import { describe, expect, it, vi } from "vitest";
import "../support/next-cache-stub";
import "../support/auth-stub";
import { seededAppForFile } from "./support/seeded-app";

vi.mock("server-only", () => ({}));

/**
 * The bound on renders that fill the page store (server/cache/public-page-cache.ts,
 * KOHO_MAX_RENDERS), set to 1 so that two requests at once are enough to reach it: a miss past
 * the bound is refused at once with 503 and Retry-After instead of queueing, readers missing a
 * page that is already rendering share that render, and a refused page renders once asked alone.
 */
const suite = seededAppForFile("koho-readers-queue-", { KOHO_MAX_RENDERS: "1" });

const get = (path: string) =>
  fetch(suite.app.url + path).then(async (r) => ({
    path,
    status: r.status,
    retryAfter: r.headers.get("retry-after"),
    text: await r.text(),
  }));

describe("the render queue's bound", () => {
  it("refuses distinct misses past the bound with a fast 503, and renders each once asked alone", async () => {
    const paths = ["governor", "tokyo", "budget", "disaster", "tourism", "ferry", "bridge", "museum"].map((q) => `/search?q=${q}`);
    const answers = await Promise.all(paths.map(get));
    const refused = answers.filter((a) => a.status === 503);
    expect(refused.length, answers.map((a) => `${a.path} ${a.status}`).join(", ")).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    expect(answers.every((a) => a.status === 200 || a.status === 503)).toBe(true);
    for (const answer of refused) {
      expect(answer.retryAfter).toBe("2");
      expect(answer.text).toContain("Please try again in a few seconds");
    }
    for (const answer of refused) expect((await get(answer.path)).status).toBe(200);
  }, 60_000);

  it("lets readers missing the same page at once share its render: none is refused", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => get("/search?q=communiqu%C3%A9")));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
  }, 60_000);
});
