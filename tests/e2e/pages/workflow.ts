import type { Page } from "playwright-core";

/** The workflow panel and review thread beside the editor. */
export class WorkflowPanel {
  constructor(private readonly page: Page) {}

  panel() {
    return this.page.getByRole("region", { name: "Workflow" });
  }

  step(label: string) {
    return this.panel().getByRole("button", { name: label, exact: true });
  }

  async run(label: string, fill: Record<string, string> = {}) {
    for (const [selector, value] of Object.entries(fill)) await this.page.fill(selector, value);
    const button = this.step(label);
    await button.click();
    // A step that succeeded is no longer offered (the page re-renders in the new state); a refusal shows an alert.
    const refused = this.panel().getByRole("alert").first();
    await Promise.race([button.waitFor({ state: "detached", timeout: 15_000 }), refused.waitFor({ timeout: 15_000 })]);
    if (await refused.isVisible()) throw new Error(`“${label}” was refused: ${await refused.innerText()}`);
  }

  async state() {
    await this.page.reload();
    return this.page.locator(".toolbar-row .state").innerText();
  }

  thread() {
    return this.page.getByRole("region", { name: "Review" }).innerText();
  }
}
