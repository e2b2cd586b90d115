import type { Page } from "playwright-core";

/**
 * A field of the item editor by its name ("title", "summary", "slug"…). Its id carries the item's
 * number (components/editor/editor-ids.ts), because editors visited earlier stay in the document.
 */
export function editorField(name: string): string {
  return `[id^="item-"][id$="-${name}"]`;
}

/** Page object for the staff studio: sign-in, dashboard and the news item editor. */
export class Studio {
  constructor(
    readonly page: Page,
    private readonly baseURL: string,
  ) {}

  url(path: string) {
    return new URL(path, this.baseURL).href;
  }

  async signIn(email: string, password: string) {
    await this.page.goto(this.url("/sign-in"));
    await this.page.fill("#email", email);
    await this.page.fill("#password", password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  async signInAndWait(email: string, password: string) {
    await this.signIn(email, password);
    await this.page.waitForURL("**/studio");
    await this.page.getByRole("heading", { name: "Dashboard" }).waitFor();
  }

  signInError() {
    return this.page.locator("#sign-in-error").innerText();
  }

  async newArticle() {
    await this.page.getByRole("button", { name: "New news item" }).first().click();
    await this.page.waitForURL(/\/studio\/articles\/\d+$/);
    await this.body().waitFor();
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  body() {
    return this.page.locator("#article-body-editor");
  }

  tool(name: string) {
    return this.page.getByRole("toolbar", { name: "Formatting" }).getByRole("button", { name, exact: true });
  }

  saveStatus() {
    // :visible: after a client-side navigation Next keeps the previous page hidden in the document.
    return this.page.locator(".save-status [role=status]:visible");
  }

  /**
   * Saved, and still saved a little longer than the autosave delay: a keystroke
   * the editor has not rendered yet cannot hide behind an earlier "Saved at".
   */
  async waitForSaved(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let savedSince = 0;
    while (Date.now() < deadline) {
      const text = (await this.saveStatus().textContent()) ?? "";
      if (/Saved at/.test(text)) {
        savedSince ||= Date.now();
        if (Date.now() - savedSince >= 2_500) return;
      } else {
        savedSince = 0;
      }
      await this.page.waitForTimeout(100);
    }
    throw new Error(`The item was not saved within ${timeoutMs} ms (status: ${await this.saveStatus().textContent()})`);
  }
}
