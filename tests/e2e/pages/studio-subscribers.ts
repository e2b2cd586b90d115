import type { Locator, Page } from "playwright-core";

/**
 * The subscriber pages of the studio (/studio/subscribers, a record, an item's delivery, kept
 * mail), driven from the keyboard: every step Tabs to its control and presses Enter.
 */
export class StudioSubscribers {
  constructor(
    readonly page: Page,
    private readonly baseURL: string,
  ) {}

  url(path: string) {
    return new URL(path, this.baseURL).href;
  }

  async open(path = "/studio/subscribers") {
    const response = await this.page.goto(this.url(path));
    await this.heading().waitFor();
    return response?.status() ?? 0;
  }

  /** The visible page's heading (Next keeps pages visited earlier hidden in the document). */
  heading(): Locator {
    return this.page.locator("main h1:visible").first();
  }

  /**
   * Presses Tab until `target` has focus, as someone without a mouse moves through the page;
   * fails if it is not reached within `limit` presses (not reachable by keyboard at all).
   */
  async tabTo(target: Locator, limit = 150) {
    await target.waitFor();
    for (let i = 0; i < limit; i++) {
      await this.page.keyboard.press("Tab");
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`Tab never reached ${target}`);
  }

  /** Tab to a control and press Enter on it. */
  async activate(target: Locator) {
    await this.tabTo(target);
    await this.page.keyboard.press("Enter");
  }

  /** The figure under a label in the counts or queue ("Confirmed", "Waiting to be sent"). */
  async figure(label: string): Promise<string> {
    const item = this.page.locator(".figures > div:visible", { has: this.page.locator("dt", { hasText: new RegExp(`^${label}$`) }) });
    return (await item.locator("dd").innerText()).trim();
  }

  /** Rows of a table under a section heading, as arrays of cell texts. */
  async tableRows(headingText: string): Promise<string[][]> {
    const section = this.page.locator("section:visible", { has: this.page.getByRole("heading", { name: headingText, exact: true }) });
    return section
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll("th, td")).map((c) => (c.textContent ?? "").trim())));
  }

  /** Types an address into the find form and submits it, by keyboard. */
  async find(email: string) {
    const field = this.page.getByLabel("E-mail address", { exact: true });
    await this.tabTo(field);
    // Whatever the field still holds from a refused search is selected, then typed over.
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.type(email);
    await this.activate(this.page.getByRole("button", { name: "Find subscriber", exact: true }));
  }
}
