import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

export type NewStaff = { name: string; email: string; role: string; password: string };

/** The users admin (/studio/users), as an administrator uses it. */
export class StudioUsers {
  constructor(
    private readonly page: Page,
    private readonly baseURL: string,
  ) {}

  async open() {
    const response = await this.page.goto(new URL("/studio/users", this.baseURL).href);
    await this.ready();
    return response?.status() ?? 0;
  }

  /** The page streams inside the studio frame: wait for its heading, not just the URL. */
  ready() {
    return this.page.locator("main h1").waitFor();
  }

  heading() {
    return this.page.locator("h1").innerText();
  }

  createForm(): Locator {
    return this.page.locator('section[aria-labelledby="new-staff-heading"] form');
  }

  /** Fills and submits the form; resolves once it has answered (a confirmation or an error). */
  async create(staff: NewStaff) {
    const form = this.createForm();
    await form.getByLabel("Name", { exact: true }).fill(staff.name);
    await form.getByLabel("Email", { exact: true }).fill(staff.email);
    await form.getByLabel("Role", { exact: true }).selectOption({ label: staff.role });
    await form.getByLabel("Initial password", { exact: true }).fill(staff.password);
    const feedback = () =>
      form
        .locator('[role="alert"], [role="status"]')
        .allInnerTexts()
        .then((t) => t.join("|"));
    const before = await feedback();
    await form.getByRole("button", { name: "Create account" }).click();
    // Answered once the feedback changes (two identical answers in a row would need another wait).
    await expect.poll(feedback, { timeout: 15_000 }).not.toBe(before);
  }

  createStatus() {
    return this.createForm().locator('[role="status"]').innerText();
  }

  createAlert() {
    return this.createForm().locator('[role="alert"]');
  }

  row(email: string): Locator {
    return this.page.locator(`tr[data-email="${email}"]`);
  }

  async roleOf(email: string) {
    return (await this.row(email).locator(".staff-role").innerText()).trim();
  }

  async statusOf(email: string) {
    return (await this.row(email).locator(".state").innerText()).trim();
  }

  async changeRole(email: string, roleLabel: string) {
    const row = this.row(email);
    await row.getByRole("combobox", { name: /^Role for / }).selectOption({ label: roleLabel });
    await row.getByRole("button", { name: /^Change role/ }).click();
    await row.locator(".staff-role", { hasText: roleLabel }).waitFor();
  }

  /** Keyboard only: focus the button and press Enter, as someone without a mouse would. */
  async deactivateWithKeyboard(email: string) {
    const row = this.row(email);
    await row.getByRole("button", { name: /^Deactivate/ }).focus();
    await this.page.keyboard.press("Enter");
    await row.getByRole("button", { name: /^Reactivate/ }).waitFor();
  }

  rowMessages(email: string) {
    return this.row(email).locator('[role="status"]').allInnerTexts();
  }
}
