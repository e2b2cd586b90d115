import type { Page } from "playwright-core";

/** Page object for searching the news: the header box, the results and the messages. */
export class SearchPage {
  constructor(
    private readonly page: Page,
    private readonly baseURL: string,
  ) {}

  /** Types into the header search box and submits it, as a reader would. */
  async searchFromHeader(words: string) {
    await this.page.getByRole("search", { name: "Site search" }).getByLabel("Search news").fill(words);
    await Promise.all([
      this.page.waitForURL(/\/search\?/),
      this.page.getByRole("search", { name: "Site search" }).getByRole("button", { name: "Search" }).click(),
    ]);
    await this.page.locator(".search-form").waitFor();
  }

  async open(query: string) {
    const response = await this.page.goto(new URL(`/search${query}`, this.baseURL).href);
    await this.page.locator(".search-form").waitFor();
    return response?.status() ?? 0;
  }

  resultsHeading() {
    return this.page.locator("#search-results-heading").innerText();
  }

  resultTitles() {
    return this.page.locator(".search-results .article-card-title").allInnerTexts();
  }

  highlighted() {
    return this.page.locator(".search-results mark").allInnerTexts();
  }

  /** What the full search form shows as the current search: the page fills it in, not a script. */
  queryFieldValue() {
    return this.page.locator(".search-form").getByLabel("Words to search for").inputValue();
  }

  selectedCategory() {
    return this.page.locator(".search-form").getByLabel("Category").inputValue();
  }

  message() {
    return this.page.locator(".search-message").innerText();
  }
}
