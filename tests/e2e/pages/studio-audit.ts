import type { Page } from "playwright-core";

export type AuditRow = { when: string; who: string; action: string; outcome: string; target: string; ip: string; details: string };

/** The audit log viewer (/studio/audit). */
export class StudioAudit {
  constructor(
    private readonly page: Page,
    private readonly baseURL: string,
  ) {}

  async open(query = "") {
    const response = await this.page.goto(new URL(`/studio/audit${query}`, this.baseURL).href);
    await this.ready();
    return response?.status() ?? 0;
  }

  /** The page streams inside the studio frame: wait for its heading, not just the URL. */
  ready() {
    return this.page.locator("main h1").waitFor();
  }

  async filter({ action, outcome }: { action?: string; outcome?: string }) {
    if (action) await this.page.getByLabel("Action", { exact: true }).selectOption(action);
    if (outcome) await this.page.getByLabel("Outcome", { exact: true }).selectOption({ label: outcome });
    await Promise.all([this.page.waitForURL(/[?&](action|outcome)=/), this.page.getByRole("button", { name: "Apply filters" }).click()]);
    await this.ready();
  }

  rows(): Promise<AuditRow[]> {
    return this.page.locator(".audit-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim());
        return {
          when: cells[0]!,
          who: cells[1]!,
          action: cells[2]!,
          outcome: cells[3]!,
          target: cells[4]!,
          ip: cells[5]!,
          details: cells[6]!,
        };
      }),
    );
  }

  summary() {
    return this.page.locator('main p[role="status"]').first().innerText();
  }
}
