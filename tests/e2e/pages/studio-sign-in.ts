import type { Page } from "playwright-core";

/** The staff sign-in page: email and password, or the single sign-on button. */
export class StudioSignIn {
  constructor(
    private readonly page: Page,
    private readonly baseURL: string,
  ) {}

  async open(query = "") {
    const response = await this.page.goto(new URL(`/sign-in${query}`, this.baseURL).href);
    return response?.status() ?? 0;
  }

  /** Signs in with a password and waits to land in the studio. */
  async signIn(email: string, password: string) {
    await this.open();
    await this.page.locator("#email").fill(email);
    await this.page.locator("#password").fill(password);
    await Promise.all([
      this.page.waitForURL((url) => url.pathname.startsWith("/studio")),
      this.page.getByRole("button", { name: "Sign in", exact: true }).click(),
    ]);
    // The studio frame streams in after the URL changes.
    await this.page.locator(".studio-user").waitFor();
  }

  ssoButton() {
    return this.page.getByRole("button", { name: /^Sign in with / });
  }

  alert() {
    return this.page.locator('main [role="alert"]').first();
  }
}
