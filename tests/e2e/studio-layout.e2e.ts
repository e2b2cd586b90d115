import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseSeedDocument } from "@/lib/content/seed-parser";
import { ListsStudio } from "./pages/lists";
import { Studio, editorField } from "./pages/studio";
import { WorkflowPanel } from "./pages/workflow";
import { accessibilityViolations, launchBrowser } from "./support/browser";

const SCREENS = "/tmp/i18-screens";
const WIDE = { width: 1366, height: 900 };
const NARROW = { width: 390, height: 844 };

let browser: Browser;
const base = () => inject("baseURL");
const communique = parseSeedDocument(readFileSync(resolve("db/demo", "joint-communique-rome-tokyo.txt"), "utf8"));

/** A person signed in on a screen of this size. */
async function at(viewport: { width: number; height: number }, email: string, password: string) {
  const page = await (await browser.newContext({ viewport })).newPage();
  const studio = new Studio(page, base());
  await studio.signInAndWait(email, password);
  return { page, studio, flow: new WorkflowPanel(page), lists: new ListsStudio(page, base()) };
}

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
}

/** The buttons of the workflow panel in document order, with their classes. */
function panelButtons(page: Page) {
  return page
    .locator(".workflow-panel form.workflow-step button[type=submit]")
    .evaluateAll((buttons) => buttons.map((b) => ({ label: b.textContent?.trim(), className: b.className })));
}

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe("where things are in the editor", () => {
  it("at 1366 px the workflow is a sticky panel beside the words, in the first screenful", async () => {
    const { page, studio } = await at(WIDE, "writer@koho.example", "writer-demo-pass");
    await studio.newArticle();
    await page.fill(editorField("title"), "Harbour festival moves to the east pier");
    await studio.body().click();
    // Enough paragraphs that the page scrolls well past one screen.
    await page.keyboard.type("The festival moves.");
    for (let i = 0; i < 25; i++) await page.keyboard.press("Enter");
    await studio.waitForSaved();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENS}/editor-1366.png` });

    const body = await box(page, "#article-body-editor");
    const panel = await box(page, ".workflow-panel");
    expect(panel.y).toBeGreaterThanOrEqual(0);
    expect(panel.y).toBeLessThan(WIDE.height);
    expect(panel.x).toBeGreaterThanOrEqual(body.x + body.width);
    expect(await page.locator(editorField("workflow")).evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.evaluate(() => window.scrollTo(0, 700));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThanOrEqual(600);
    const scrolled = await box(page, ".workflow-panel");
    expect(scrolled.y).toBeGreaterThanOrEqual(0);
    expect(scrolled.y).toBeLessThan(100);
    expect(scrolled.x).toBe(panel.x);
    await page.screenshot({ path: `${SCREENS}/editor-1366-scrolled.png` });
    writeFileSync(`${SCREENS}/boxes-1366.json`, JSON.stringify({ body, panel, scrolled }, null, 1));
  }, 120_000);

  it("at 390 px the workflow comes right after the body, before every other panel", async () => {
    const { page, studio } = await at(NARROW, "writer@koho.example", "writer-demo-pass");
    await studio.newArticle();
    await page.screenshot({ path: `${SCREENS}/editor-390.png`, fullPage: true });
    const body = await box(page, "#article-body-editor");
    const panel = await box(page, ".workflow-panel");
    expect(panel.y).toBeGreaterThanOrEqual(body.y + body.height);
    const others = [".editor-side", ".signatories-field", ".editor-extras > *", ".review-thread"];
    const boxes: Record<string, unknown> = { body, panel };
    for (const other of others) {
      boxes[other] = await box(page, other);
      expect((await box(page, other)).y, other).toBeGreaterThan(panel.y + panel.height - 1);
    }
    writeFileSync(`${SCREENS}/boxes-390.json`, JSON.stringify(boxes, null, 1));
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("at 1366 px the list editor keeps its workflow beside the entries", async () => {
    const { page, lists } = await at(WIDE, "writer@koho.example", "writer-demo-pass");
    await lists.create({ name: "Layout check list", articleLabel: `${communique.title} (${communique.datelineDate})`, maxItems: 5 });
    const entries = await box(page, ".list-editor");
    const panel = await box(page, ".workflow-panel");
    expect(panel.y).toBeLessThan(WIDE.height);
    expect(panel.x).toBeGreaterThanOrEqual(entries.x + entries.width);
    expect(await page.locator(".list-aside").evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
    // Inputs without a type (the list's name) share the studio's field style.
    expect(await page.locator('.list-editor input[id^="list-"][id$="-name"]').evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe(
      "solid",
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe("the workflow's steps", () => {
  it("shows the way forward first as primary, and asks a publisher the change type once for both publish and schedule", async () => {
    const admin = await at(WIDE, "admin@koho.example", "admin-demo-pass");
    const id = await admin.studio.newArticle();
    await admin.page.fill(editorField("title"), "Ferry timetable for the winter season");
    await admin.page.fill(editorField("summary"), "The ferry runs less often in winter.");
    await admin.studio.body().click();
    await admin.page.keyboard.type("The ferry runs every forty minutes.");
    await admin.studio.waitForSaved();
    await admin.flow.panel().getByText("Publish without review (administrators)").click();
    await admin.flow.run("Publish without review", { [editorField("force-reason")]: "The harbour office needs the timetable out today." });
    // Edition 2: a change to the published item, sent for review.
    await admin.studio.body().click();
    await admin.studio.body().press("End");
    await admin.page.keyboard.type(" The last ferry leaves at 21:00.");
    await admin.studio.waitForSaved();
    await admin.flow.step("Send for review").waitFor({ timeout: 10_000 });
    expect((await panelButtons(admin.page))[0]).toMatchObject({ label: "Send for review", className: expect.stringContaining("primary") });
    await admin.flow.run("Send for review");

    const publisher = await at(WIDE, "publisher@koho.example", "publisher-demo-pass");
    await publisher.page.goto(publisher.studio.url(`/studio/articles/${id}`));
    await publisher.flow.step("Approve").waitFor();
    // The item's own steps (confirm the unreviewed publication, withdraw) come after the workflow's.
    const inReview = (await panelButtons(publisher.page)).slice(0, 3);
    expect(inReview.map((b) => b.label)).toEqual(["Approve", "Return to draft", "Request changes"]);
    expect(inReview[0]!.className).toMatch(/\bprimary\b/);
    expect(inReview.slice(1).every((b) => /\bsecondary\b/.test(b.className))).toBe(true);
    await publisher.flow.run("Approve");
    await publisher.page.reload();

    await publisher.flow.step("Publish now").waitFor();
    expect(await publisher.flow.panel().getByText("What kind of change is this edition?").count()).toBe(1);
    const approved = (await panelButtons(publisher.page)).slice(0, 3);
    expect(approved.map((b) => b.label)).toEqual(["Publish now", "Schedule", "Return to draft"]);
    expect(approved[0]!.className).toMatch(/\bprimary\b/);
    expect(approved[2]!.className).toMatch(/\bsecondary\b/);
    // Both steps post the one question's answer: they are buttons of the form that holds it.
    const sameForm = await publisher.page
      .locator(".change-fields")
      .evaluate((fieldset) =>
        ["Publish now", "Schedule"].map(
          (label) =>
            [...(fieldset as HTMLFieldSetElement).form!.querySelectorAll("button")].filter((b) => b.textContent?.trim() === label).length,
        ),
      );
    expect(sameForm).toEqual([1, 1]);
    expect(await accessibilityViolations(publisher.page)).toEqual([]);
    await publisher.page.locator(".workflow-panel").screenshot({ path: `${SCREENS}/publisher-panel-1366.png` });

    await publisher.flow.panel().getByLabel("Major: readers are told what changed").check();
    await publisher.page.fill(editorField("publish-note"), "Added the time of the last ferry");
    await publisher.flow.run("Publish now");
    expect(await publisher.flow.state()).toBe("Published");
    const slug = await publisher.page.inputValue(editorField("slug"));
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(new URL(`/news/${slug}`, base()).href);
    const article = await reader.locator("main").innerText();
    expect(article).toContain("The last ferry leaves at 21:00.");
    expect(article).toContain("Added the time of the last ferry");
  }, 120_000);
});

describe("focus in the editor", () => {
  it("moves focus to the new signatory's Name field and announces it; after a removal, to the row that took its place", async () => {
    const { page, studio } = await at(WIDE, "writer@koho.example", "writer-demo-pass");
    await studio.newArticle();
    const add = page.getByRole("button", { name: "Add signatory" });
    expect(await add.getAttribute("class")).toMatch(/\bsecondary\b/);
    // It reads as a button, not an empty white text box.
    expect(await add.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe("rgb(255, 255, 255)");
    const activeId = () => page.evaluate(() => document.activeElement?.id);
    const announced = () => page.getByTestId("signatories-announcer").innerText();

    for (const n of [1, 2, 3]) {
      await add.click();
      await expect.poll(activeId).toMatch(new RegExp(`^item-\\d+-sig-name-${n - 1}$`));
      expect(await announced()).toBe(`Signatory ${n} added.`);
    }
    await page.keyboard.type("Maria Rossi");
    expect(await page.inputValue(editorField("sig-name-2"))).toBe("Maria Rossi");

    await page.getByRole("button", { name: "Remove signatory 2" }).click();
    await expect.poll(activeId).toMatch(/^item-\d+-sig-name-1$/);
    expect(await announced()).toBe("Signatory 2 removed. 2 signatories left.");
    expect(await page.inputValue(editorField("sig-name-1"))).toBe("Maria Rossi");
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
