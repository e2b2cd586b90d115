import type { Page } from "playwright-core";

/** Page object for an item's revision history: the saves table and the compare form with its word diff. */
export class HistoryPage {
  constructor(
    readonly page: Page,
    private readonly baseURL: string,
  ) {}

  async open(articleId: number) {
    const response = await this.page.goto(new URL(`/studio/articles/${articleId}/history`, this.baseURL).href);
    await this.page.getByRole("heading", { name: "Saves", exact: true }).waitFor();
    return response?.status() ?? 0;
  }

  /** The version numbers in the list of saves, newest first. */
  async versions(): Promise<number[]> {
    const versions = await this.page.locator(".save-list > li").evaluateAll((items) => items.map((li) => li.getAttribute("data-version")));
    return versions.map(Number);
  }

  /** One save's line in the list, by version number. */
  save(version: number) {
    return this.page.locator(`.save-list > li[data-version="${version}"]`);
  }

  /** Picks the two saves by version number with the "From" and "To" radios of the plain GET form and submits it. */
  async compare(fromVersion: number, toVersion: number) {
    await this.save(fromVersion)
      .getByRole("radio", { name: `From version ${fromVersion}` })
      .check();
    await this.save(toVersion)
      .getByRole("radio", { name: `To version ${toVersion}` })
      .check();
    // Wait for this choice's address: after an earlier comparison the page is already at some ?from=….
    const before = this.page.url();
    await Promise.all([
      this.page.waitForURL((url) => url.href !== before),
      this.page.getByRole("button", { name: "Show differences" }).click(),
    ]);
    await this.page.getByRole("heading", { name: "Compare two saves" }).waitFor();
  }

  /** The text of the inserted (or deleted) runs of the body diff, trimmed. */
  inserted(field = "Body text") {
    return this.diffField(field)
      .locator("ins")
      .allInnerTexts()
      .then((t) => t.map((s) => s.trim()));
  }

  deleted(field = "Body text") {
    return this.diffField(field)
      .locator("del")
      .allInnerTexts()
      .then((t) => t.map((s) => s.trim()));
  }

  /** Follows the save's "Restore…" link to the confirmation step (nothing changes yet). */
  async startRestore(version: number) {
    await Promise.all([
      this.page.waitForURL(/[?&]restore=\d+/),
      this.save(version)
        .getByRole("link", { name: /^Restore/ })
        .click(),
    ]);
    await this.page.locator("#restore-heading").waitFor();
  }

  /** Ticks "I understand…" and restores; waits for the page to come back with the result. */
  async confirmRestore() {
    await this.page.getByLabel("I understand this replaces the current draft").check();
    await Promise.all([this.page.waitForURL(/[?&]restored=\d+/), this.page.getByRole("button", { name: "Restore this revision" }).click()]);
    await this.page.getByRole("heading", { name: "Saves", exact: true }).waitFor();
  }

  legend() {
    return this.page.locator(".diff-legend").innerText();
  }

  /** The text of a field's diff as it reads after the change: unchanged and inserted runs, without the deleted ones. */
  afterText(field = "Body text") {
    return this.diffField(field)
      .locator(".diff-text")
      .evaluate((el) =>
        [...el.children]
          .filter((child) => child.tagName !== "DEL")
          .map((child) => child.textContent)
          .join(""),
      );
  }

  private diffField(label: string) {
    return this.page.locator(".diff-field").filter({ has: this.page.getByRole("heading", { name: label }) });
  }
}

/** Page object for the staff preview page and its preview links panel. */
export class ArticlePreviewPage {
  constructor(
    readonly page: Page,
    private readonly baseURL: string,
  ) {}

  async open(articleId: number) {
    const response = await this.page.goto(new URL(`/studio/articles/${articleId}/preview`, this.baseURL).href);
    await this.banner().waitFor();
    return response?.status() ?? 0;
  }

  banner() {
    return this.page.getByRole("note", { name: "Preview notice" });
  }

  /** Creates a link with the chosen lifetime and returns the URL shown once. */
  async createLink(lifetime: "1 hour" | "1 day" | "7 days" = "1 day") {
    await this.page.getByRole("radio", { name: lifetime }).check();
    await this.page.getByRole("button", { name: "Create preview link" }).click();
    const field = this.page.locator("#new-preview-link");
    await field.waitFor();
    return field.inputValue();
  }

  activeLinkRows() {
    return this.page.locator(".preview-links tbody tr");
  }

  async revokeFirst() {
    const before = await this.activeLinkRows().count();
    await this.activeLinkRows()
      .first()
      .getByRole("button", { name: /^Revoke/ })
      .click();
    await this.page.waitForFunction((n) => document.querySelectorAll(".preview-links tbody tr").length < n, before);
  }
}
