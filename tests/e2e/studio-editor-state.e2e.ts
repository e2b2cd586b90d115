import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { openDatabase } from "@/db/client";
import { articleEditions, type EditionState } from "@/db/schema";
import { editLockReason } from "@/lib/workflow";
import { Studio, editorField } from "./pages/studio";
import { WorkflowPanel } from "./pages/workflow";
import { accessibilityViolations } from "./support/browser";
import { pagePerTest } from "./support/page-per-test";

let page: Page;
let studio: Studio;
let flow: WorkflowPanel;

pagePerTest((fresh) => {
  ({ page, studio } = fresh);
  flow = new WorkflowPanel(page);
});

/** What has keyboard focus, as a person with a screen reader would hear it named. */
function focused() {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "the document";
    return el.tagName === "H1" ? `heading “${el.textContent}”` : `${el.tagName.toLowerCase()}#${el.id} “${el.textContent?.slice(0, 40)}”`;
  });
}

const badge = () => page.locator(".toolbar-row .state").innerText();

/** Puts the item's newest edition into `state` behind the editor's back, as another person's workflow step would. */
async function moveEdition(articleId: number, state: EditionState) {
  const handle = await openDatabase(inject("databaseUrl"));
  try {
    // Far in the future, so the test server's scheduler never releases it.
    const scheduledFor = state === "scheduled" ? new Date("2099-01-01T00:00:00Z") : null;
    await handle.db.update(articleEditions).set({ state, scheduledFor }).where(eq(articleEditions.articleId, articleId));
  } finally {
    handle.client.close();
  }
}

describe("the editor shows the state it is in", () => {
  it("moves keyboard focus to the new page's heading after sign-in and after “New news item”", async () => {
    await studio.signInAndWait("writer@koho.example", "writer-demo-pass");
    await expect.poll(focused, { timeout: 10_000 }).toBe("heading “Dashboard”");
    expect(await accessibilityViolations(page)).toEqual([]);

    await studio.newArticle();
    await expect.poll(focused, { timeout: 10_000 }).toBe("heading “Edit news item”");
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("shows the new draft edition's state and offers “Send for review” right after the first save, without a reload", async () => {
    await studio.signInAndWait("admin@koho.example", "admin-demo-pass");
    await studio.newArticle();
    await page.fill(editorField("title"), "Harbour ferry timetable changes for the winter");
    await page.fill(editorField("summary"), "The harbour ferry runs less often from December.");
    await studio.body().click();
    await page.keyboard.type("The ferry runs every forty minutes.");
    await studio.waitForSaved();
    await flow.panel().getByText("Publish without review (administrators)").click();
    await flow.run("Publish without review", { [editorField("force-reason")]: "The harbour office needs the timetable out today." });
    await expect.poll(badge, { timeout: 10_000 }).toBe("Published");

    // The first save after publication starts edition 2, a draft: the page says so at once.
    await studio.body().click();
    await studio.body().press("End");
    await page.keyboard.type(" From December.");
    await studio.waitForSaved();
    await expect.poll(badge, { timeout: 10_000 }).toBe("Draft");
    await flow.step("Send for review").waitFor({ timeout: 10_000 });
    expect(
      await flow
        .panel()
        .getByText(/No workflow step is open/)
        .count(),
    ).toBe(0);
    expect(await page.locator(".editor-meta-bar").innerText()).toMatch(/Edition 2/);
    // The page caught up without taking the editor away: focus and the words typed since stay.
    expect(await focused()).toMatch(/^div#article-body-editor/);
    await page.keyboard.type(" Tickets stay the same.");
    await studio.waitForSaved();
    expect(await accessibilityViolations(page)).toEqual([]);

    await flow.run("Send for review");
    await expect.poll(focused, { timeout: 10_000 }).toBe("heading “Edit news item”");
    await expect.poll(badge, { timeout: 10_000 }).toBe("In review");
    expect(await page.getAttribute(editorField("title"), "readonly")).not.toBeNull();

    await page.reload();
    await studio.body().waitFor();
    expect(await studio.body().innerText()).toContain("The ferry runs every forty minutes. From December. Tickets stay the same.");
    expect(await badge()).toBe("In review");
  });

  it("makes every field of an edition in review, approved or scheduled read-only, with the reason and the step that unlocks it", async () => {
    await studio.signInAndWait("writer@koho.example", "writer-demo-pass");
    const id = await studio.newArticle();
    await page.fill(editorField("title"), "Ward office opening hours over the new year");
    await page.fill(editorField("summary"), "Ward offices close from December 29 to January 3.");
    await studio.body().click();
    await page.keyboard.type("Ward offices close for the holidays.");
    await studio.waitForSaved();

    // A page left open while the edition moved on (someone sent it for review elsewhere): the
    // refused save brings the page up to date instead of leaving editable-looking fields behind.
    await moveEdition(id, "submitted");
    await studio.body().press("End");
    await page.keyboard.type(" Typed on a stale page.");
    await expect.poll(() => page.locator(".editor-layout .edit-lock").count(), { timeout: 20_000 }).toBe(1);
    expect(await badge()).toBe("In review");
    expect(await page.getAttribute(editorField("title"), "readonly")).not.toBeNull();
    expect(await studio.body().getAttribute("contenteditable")).toBe("false");

    const unlocking: Partial<Record<EditionState, RegExp>> = {
      submitted: /Return to draft/,
      approved: /Return to draft/,
      // A writer may not unschedule: the note says who can.
      scheduled: /Unschedule.*(publisher|administrator)/,
    };
    for (const state of ["submitted", "approved", "scheduled"] as const) {
      await moveEdition(id, state);
      await page.reload();
      await studio.body().waitFor();
      const notice = page.locator(".editor-layout .edit-lock");
      expect(await notice.innerText()).toContain(editLockReason(state));
      expect(await notice.innerText()).toMatch(unlocking[state]!);
      for (const field of [
        editorField("title"),
        editorField("slug"),
        editorField("summary"),
        editorField("datelineDate"),
        editorField("tags"),
      ]) {
        expect(await page.getAttribute(field, "readonly"), `${field} while ${state}`).not.toBeNull();
        expect(await page.getAttribute(field, "aria-describedby"), `${field} names the reason`).toContain("edit-lock-reason");
      }
      expect(await page.locator(editorField("categoryId")).isDisabled()).toBe(true);
      expect(await page.getByRole("button", { name: "Add signatory" }).isDisabled()).toBe(true);
      expect(await studio.body().getAttribute("contenteditable")).toBe("false");
      expect(await page.getByRole("toolbar", { name: "Formatting" }).count()).toBe(0);

      // Typing does nothing and nothing tries to save.
      await page.click(editorField("title"));
      await page.keyboard.type("Changed");
      await studio.body().click();
      await page.keyboard.type("Changed");
      await page.waitForTimeout(2_500);
      expect(await page.inputValue(editorField("title"))).toBe("Ward office opening hours over the new year");
      expect(await studio.body().innerText()).toBe("Ward offices close for the holidays.");
      expect(await page.getByText(/Not saved/).count()).toBe(0);
      expect(await accessibilityViolations(page)).toEqual([]);
    }

    // Where the writer can take the unlocking step, the note leads straight to it.
    await moveEdition(id, "submitted");
    await page.reload();
    await studio.body().waitFor();
    await page
      .locator(".editor-layout .edit-lock")
      .getByRole("button", { name: /Return to draft/ })
      .click();
    expect(await focused()).toMatch(/^button#? “Return to draft”/);
  }, 180_000); // three states, each waited past the autosave delay and checked with axe
});
