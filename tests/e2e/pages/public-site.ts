import type { Page } from "playwright-core";

/** Page object for the reader-facing site: what a reader sees, not how it is built. */
export class PublicSite {
  constructor(
    private readonly page: Page,
    private readonly baseURL: string,
  ) {}

  async open(path: string) {
    const response = await this.page.goto(new URL(path, this.baseURL).href);
    return response?.status() ?? 0;
  }

  heading() {
    return this.page.locator("h1:visible").innerText();
  }

  headingCount() {
    return this.page.locator("h1:visible").count();
  }

  listedTitles() {
    return this.page.locator(".article-list h2").allInnerTexts();
  }

  articleText() {
    return this.page.locator("article:visible").first().innerText();
  }

  articleDate() {
    return this.page.locator(".article-header time").innerText();
  }

  signatories() {
    return this.page.locator(".signatories li").evaluateAll((items) =>
      items.map((li) => ({
        name: li.querySelector(".signatory-name")?.textContent ?? "",
        title: li.querySelector(".signatory-title")?.textContent ?? "",
      })),
    );
  }

  recommended() {
    return this.page.locator(".recommended li").evaluateAll((items) =>
      items.map((li) => ({
        title: li.querySelector("a")?.textContent ?? "",
        date: li.querySelector("time")?.getAttribute("datetime") ?? "",
        text: li.querySelector("time")?.textContent ?? "",
      })),
    );
  }
}
