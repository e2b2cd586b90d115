import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseSeedDocument } from "@/lib/content/seed-parser";
import { slugify } from "@/lib/slug";
import { PublicSite } from "./pages/public-site";
import { editorField } from "./pages/studio";
import { accessibilityViolations, launchBrowser } from "./support/browser";
import { signedInAs } from "./support/signed-in";

let browser: Browser;
const base = () => inject("baseURL");
const seed = (file: string) => parseSeedDocument(readFileSync(resolve("db/demo", file), "utf8"));
const seminar = seed("governor-meets-global-partners-seminar.txt");
const communique = seed("joint-communique-rome-tokyo.txt");

const as = (email: string, password: string) => signedInAs(browser, base(), email, password);

async function recommendedOn(reader: Page, slug: string) {
  await reader.goto(new URL(`/news/${slug}`, base()).href);
  return (await new PublicSite(reader, base()).recommended()).map((r) => ({ title: r.title, date: r.date }));
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("Recommended for You lists in the browser", () => {
  it("a writer builds a list for one item, a publisher publishes it, readers see it, and a withdrawal flags it", async () => {
    const picks = [seminar.recommended[0]!, seminar.recommended[2]!, seminar.recommended[3]!];
    const writer = await as("writer@koho.example", "writer-demo-pass");
    const listId = await writer.lists.create({
      name: "Rome communiqué reading",
      articleLabel: `${communique.title} (${communique.datelineDate})`,
      maxItems: 5,
    });
    await writer.lists.pick("Ambassadors", picks[0]!.title);
    await writer.lists.pick("Symposium", picks[2]!.title);
    await writer.lists.pick("Nishiogi", picks[1]!.title);
    expect(await writer.lists.moveWithKeyboard(picks[1]!.title, "up")).toBe(`Moved “${picks[1]!.title}” to position 2 of 3.`);
    const focused = await writer.page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    expect(focused).toContain(picks[1]!.title);
    expect((await writer.lists.entries()).map((t) => t.replace(/^\d+\.\s*/, "").replace(/\s*\(.*$/, ""))).toEqual(
      picks.map((p) => p.title),
    );
    expect(await accessibilityViolations(writer.page)).toEqual([]);
    await writer.lists.save();
    await writer.flow.run("Send for review");
    expect(await writer.flow.state()).toBe("In review");
    expect(await writer.flow.step("Approve").count()).toBe(0);
    expect(await writer.flow.step("Publish now").count()).toBe(0);

    const reader = await (await browser.newContext()).newPage();
    const defaultList = seminar.recommended.map((r) => ({ title: r.title, date: r.date }));
    expect(await recommendedOn(reader, slugify(communique.title))).toEqual(defaultList);

    const publisher = await as("publisher@koho.example", "publisher-demo-pass");
    await publisher.page.goto(publisher.lists.url(`/studio/lists/${listId}`));
    await publisher.flow.run("Approve");
    await publisher.page.reload();
    await publisher.flow.run("Publish now");
    expect(await publisher.flow.state()).toBe("Published");

    expect(await recommendedOn(reader, slugify(communique.title))).toEqual(picks.map((p) => ({ title: p.title, date: p.date })));
    expect(await recommendedOn(reader, slugify(seminar.title))).toEqual(defaultList);

    const found = await publisher.page.evaluate(
      async (q) => (await (await fetch(`/api/studio/articles/search?q=${encodeURIComponent(q)}`)).json()) as { items: { id: number }[] },
      "Nishiogi",
    );
    await publisher.page.goto(publisher.lists.url(`/studio/articles/${found.items[0]!.id}`));
    await publisher.page.getByText("Withdraw from the public site").click();
    await publisher.flow.run("Withdraw", { [editorField("withdraw-explanation")]: "Withdrawn while the lab's opening date is confirmed." });
    try {
      expect(await recommendedOn(reader, slugify(communique.title))).toEqual(
        [picks[0]!, picks[2]!].map((p) => ({ title: p.title, date: p.date })),
      );
      await publisher.page.goto(publisher.lists.url("/studio/lists"));
      expect(await publisher.page.locator(".lists-table tr", { hasText: "Rome communiqué reading" }).innerText()).toContain(
        "1 item no longer public",
      );
      expect(await accessibilityViolations(publisher.page)).toEqual([]);
      await publisher.page.goto(publisher.lists.url(`/studio/lists/${listId}`));
      expect(await publisher.page.locator(".list-health").innerText()).toContain("1 item no longer public");
      expect(await publisher.page.locator(".list-entries").innerText()).toContain("no longer public");
      await publisher.page.waitForLoadState("networkidle");
      await publisher.page.getByRole("heading", { level: 1 }).waitFor();
      expect(await accessibilityViolations(publisher.page)).toEqual([]);
      await publisher.page.goto(publisher.lists.url("/studio"));
      expect(await publisher.page.getByRole("region", { name: "Lists that need attention" }).innerText()).toContain(
        "Rome communiqué reading: 1 item no longer public",
      );
      await publisher.page.goto(publisher.lists.url("/studio/lists/new"));
      await publisher.page.getByRole("heading", { name: "New “Recommended for You” list" }).waitFor();
      expect(await accessibilityViolations(publisher.page)).toEqual([]);
    } finally {
      // The browser tests share one database: put the seeded item back for the others.
      await publisher.page.goto(publisher.lists.url(`/studio/articles/${found.items[0]!.id}`));
      await publisher.flow.run("Restore to the public site");
    }
    expect(await recommendedOn(reader, slugify(seminar.title))).toEqual(defaultList);
  });
});
