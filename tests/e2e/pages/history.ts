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

  /** The version numbers in the saves table, newest first. */
  async versions(): Promise<number[]> {
    const cells = await this.page.locator(".revision-table tbody tr td:nth-child(4)").allInnerTexts();
    return cells.map(Number);
  }

  /** Picks the two saves by version number in the plain GET form and submits it. */
  async compare(fromVersion: number, toVersion: number) {
    await this.page.selectOption("#compare-from", { label: await this.optionLabel("#compare-from", fromVersion) });
    await this.page.selectOption("#compare-to", { label: await this.optionLabel("#compare-to", toVersion) });
    await Promise.all([this.page.waitForURL(/[?&]from=\d+/), this.page.getByRole("button", { name: "Show differences" }).click()]);
    await this.page.getByRole("heading", { name: "Compare two saves" }).waitFor();
  }

  private async optionLabel(select: string, version: number) {
    const labels = await this.page.locator(`${select} option`).allInnerTexts();
    const label = labels.find((l) => l.startsWith(`Version ${version} `));
    if (!label) throw new Error(`No save with version ${version} in ${select}: ${labels.join(" | ")}`);
    return label;
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

  /** Follows the row's "Restore…" link to the confirmation step (nothing changes yet). */
  async startRestore(version: number) {
    const row = this.page
      .locator(".revision-table tbody tr")
      .filter({ has: this.page.locator("td:nth-child(4)", { hasText: new RegExp(`^${version}$`) }) });
    await Promise.all([this.page.waitForURL(/[?&]restore=\d+/), row.getByRole("link", { name: /^Restore/ }).click()]);
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
