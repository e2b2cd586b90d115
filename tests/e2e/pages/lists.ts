import type { Page } from "playwright-core";

/** Page object for the studio's "Recommended for You" lists. */
export class ListsStudio {
  constructor(
    readonly page: Page,
    private readonly baseURL: string,
  ) {}

  url(path: string) {
    return new URL(path, this.baseURL).href;
  }

  async create({ name, articleLabel, maxItems }: { name: string; articleLabel: string; maxItems: number }) {
    await this.page.goto(this.url("/studio/lists"));
    await this.page.getByRole("link", { name: "New list" }).click();
    await this.page.waitForURL("**/studio/lists/new");
    await this.page.fill("#new-list-name", name);
    await this.page.getByLabel("Under one news item").check();
    await this.page.selectOption("#new-list-article", { label: articleLabel });
    await this.page.fill("#new-list-max", String(maxItems));
    await this.page.getByRole("button", { name: "Create list" }).click();
    await this.page.waitForURL(/\/studio\/lists\/\d+$/);
    await this.page.getByRole("heading", { name: "Picked items (0 of at most 5)" }).waitFor();
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  /** Types into the search-as-you-type picker and adds the result with this exact title. */
  async pick(query: string, title: string) {
    const search = this.page.getByLabel("Find a published news item");
    const add = this.page.getByRole("button", { name: `Add “${title}”`, exact: true });
    // Typing before the editor has hydrated is lost, as it would be for a person: type again.
    for (let attempt = 0; ; attempt++) {
      await search.fill("");
      await search.pressSequentially(query);
      try {
        await add.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    await add.click();
    await this.page.locator(".list-entries li", { hasText: title }).waitFor();
  }

  /** Moves an entry with the keyboard only: focus its "Move up/down" button and press Enter. */
  async moveWithKeyboard(title: string, direction: "up" | "down") {
    await this.page.getByRole("button", { name: `Move “${title}” ${direction}`, exact: true }).focus();
    await this.page.keyboard.press("Enter");
    return this.announcement();
  }

  async announcement() {
    const live = this.page.locator("[data-testid=list-announcer]");
    await this.page.waitForFunction(() => (document.querySelector("[data-testid=list-announcer]")?.textContent ?? "").length > 0);
    return live.innerText();
  }

  entries() {
    return this.page.locator(".list-entries .entry-text").allInnerTexts();
  }

  async save() {
    await this.page.getByRole("button", { name: "Save draft" }).click();
    await this.page.getByText(/Saved edition \d+\./).waitFor({ timeout: 20_000 });
  }
}
