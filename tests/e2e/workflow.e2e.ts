import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { toTokyoLocalInput } from "@/lib/schedule-time";
import { accessibilityViolations, launchBrowser } from "./support/browser";
import { signedInAs } from "./support/signed-in";
import { editorField } from "./pages/studio";

let browser: Browser;
const base = () => inject("baseURL");

const as = (email: string, password: string) => signedInAs(browser, base(), email, password);

async function writeItem(title: string, text: string) {
  const writer = await as("writer@koho.example", "writer-demo-pass");
  const id = await writer.studio.newArticle();
  await writer.page.fill(editorField("title"), title);
  await writer.page.fill(editorField("summary"), `${title}.`);
  await writer.studio.body().click();
  await writer.page.keyboard.type(text);
  await writer.studio.waitForSaved();
  const slug = await writer.page.inputValue(editorField("slug"));
  return { writer, id, slug };
}

/** What an anonymous reader gets on each public surface, fetched fresh. */
async function publicSurfaces(slug: string, word: string) {
  const get = (path: string) => fetch(new URL(path, base()), { cache: "no-store" });
  const page = await get(`/news/${slug}`);
  const text = async (path: string) => (await get(path)).text();
  const [home, feed, sitemap, search] = await Promise.all([text("/"), text("/feed.xml"), text("/sitemap.xml"), text(`/search?q=${word}`)]);
  return {
    page: page.status,
    home: home.includes(slug),
    feed: feed.includes(slug),
    sitemap: sitemap.includes(slug),
    search: search.includes(`/news/${slug}`),
  };
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("editorial workflow in the browser", () => {
  it("takes an item through review by a second person to the public site", async () => {
    const { writer, id, slug } = await writeItem("Governor announces Tamagawa river cleanup", "Volunteers will clean the Tamagawa banks.");
    expect((await fetch(new URL(`/news/${slug}`, base()))).status).toBe(404);

    await writer.flow.run("Send for review");
    expect(await writer.flow.state()).toBe("In review");
    // Words under review are locked: read-only fields with the reason, so autosave cannot change them.
    expect(await writer.page.getAttribute(editorField("title"), "readonly")).not.toBeNull();
    expect(await writer.page.locator(".editor-layout .notice").innerText()).toMatch(/in review.*return it to draft/i);
    expect(await writer.flow.step("Approve").count()).toBe(0);
    expect(await writer.flow.step("Publish now").count()).toBe(0);

    const editor = await as("editor@koho.example", "editor-demo-pass");
    await editor.page.goto(editor.studio.url(`/studio/articles/${id}`));
    expect(await editor.flow.step("Approve").count()).toBe(0);
    await editor.flow.run("Request changes", { [editorField("changes-comment")]: "Please give the date of the cleanup." });
    expect(await accessibilityViolations(editor.page)).toEqual([]);

    expect(await writer.flow.state()).toBe("Changes requested");
    expect(await writer.flow.thread()).toContain("Please give the date of the cleanup.");
    await writer.studio.body().click();
    await writer.page.keyboard.press("End");
    await writer.page.keyboard.type(" The cleanup is on December 6.");
    await writer.studio.waitForSaved();
    await writer.flow.run("Send for review");

    const publisher = await as("publisher@koho.example", "publisher-demo-pass");
    await publisher.page.goto(publisher.studio.url(`/studio/articles/${id}`));
    // The writer takes it back and resubmits after the publisher opened it: approving that stale screen is refused.
    await writer.flow.run("Return to draft");
    await writer.flow.run("Send for review");
    await publisher.flow.step("Approve").click();
    const stale = publisher.flow.panel().getByRole("alert").first();
    await stale.waitFor({ timeout: 15_000 });
    expect(await stale.innerText()).toMatch(/changed since you opened it/);
    await publisher.page.reload();
    expect(await publisher.flow.thread()).toMatch(/returned this item to draft/);
    await publisher.flow.run("Approve");
    await publisher.page.reload();
    await publisher.flow.run("Publish now");
    expect(await publisher.flow.state()).toBe("Published");

    const reader = await (await browser.newContext()).newPage();
    const response = await reader.goto(new URL(`/news/${slug}`, base()).href);
    expect(response?.status()).toBe(200);
    expect(await reader.locator("article").first().innerText()).toContain("The cleanup is on December 6.");
    await reader.goto(base());
    expect(await reader.locator(".article-list").innerText()).toContain("Governor announces Tamagawa river cleanup");

    await publisher.page.getByText("Withdraw from the public site").click();
    await publisher.flow.run("Withdraw", { [editorField("withdraw-explanation")]: "The cleanup was postponed; a new date will follow." });
    const withdrawn = await reader.goto(new URL(`/news/${slug}`, base()).href);
    expect(withdrawn?.status()).toBe(200);
    expect(await reader.getByRole("note", { name: "Withdrawn" }).innerText()).toContain("The cleanup was postponed");
    expect(await accessibilityViolations(reader)).toEqual([]);
    expect(await publicSurfaces(slug, "Tamagawa")).toMatchObject({ home: false, feed: false, search: false });
  });

  it("lets an admin publish their own urgent item without review right after typing, without reloading", async () => {
    const admin = await as("admin@koho.example", "admin-demo-pass");
    await admin.studio.newArticle();
    await admin.page.fill(editorField("title"), "Urgent notice on the Arakawa water level");
    await admin.page.fill(editorField("summary"), "Residents near the Arakawa should move to higher ground.");
    await admin.studio.body().click();
    await admin.page.keyboard.type("Residents near the Arakawa should move to higher ground now.");
    await admin.studio.waitForSaved();
    // The panel names the version the admin's own saves reached, so the step is not refused as stale.
    await admin.page.getByText("Publish without review (administrators)").click();
    await admin.flow.run("Publish without review", {
      [editorField("force-reason")]: "River level warning: cannot wait for a second person.",
    });
    expect(await admin.flow.state()).toBe("Published");
  });

  it("publishes a scheduled item at its time with no manual step, and not before", async () => {
    const { writer, id, slug } = await writeItem("Embargoed statement on Okutama forests", "The Okutama forest plan is announced.");
    await writer.flow.run("Send for review");
    const publisher = await as("publisher@koho.example", "publisher-demo-pass");
    await publisher.page.goto(publisher.studio.url(`/studio/articles/${id}`));
    await publisher.flow.run("Approve");
    await publisher.page.reload();
    const at = new Date(Math.floor((Date.now() + 120_000) / 60_000) * 60_000); // the next-but-one minute
    await publisher.flow.run("Schedule", { [editorField("schedule-at")]: toTokyoLocalInput(at) });
    expect(await publisher.flow.state()).toBe("Scheduled");
    expect(await accessibilityViolations(publisher.page)).toEqual([]);

    const before = await publicSurfaces(slug, "Okutama");
    expect(before).toEqual({ page: 404, home: false, feed: false, sitemap: false, search: false });

    const deadline = at.getTime() + 60_000;
    while (Date.now() < deadline && (await fetch(new URL(`/news/${slug}`, base()))).status !== 200)
      await new Promise((r) => setTimeout(r, 2_000));
    const after = await publicSurfaces(slug, "Okutama");
    expect(after).toEqual({ page: 200, home: true, feed: true, sitemap: true, search: true });
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
    expect(await publisher.flow.state()).toBe("Published");
  }, 240_000);
});
