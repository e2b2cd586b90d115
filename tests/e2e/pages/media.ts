import type { Page } from "playwright-core";

/** Page object for the studio media library and an image's description page. */
export class MediaLibrary {
  constructor(
    readonly page: Page,
    private readonly baseURL: string,
  ) {}

  async open() {
    await this.page.goto(new URL("/studio/media", this.baseURL).href);
    await this.page.getByRole("heading", { name: "Media", exact: true }).waitFor();
  }

  fileInput() {
    return this.page.getByLabel("Choose images to upload");
  }

  /** Uploads through the file input and waits for this file's outcome: a status or an alert. */
  async upload(filePath: string, fileName: string) {
    await this.fileInput().setInputFiles(filePath);
    const done = this.page.getByRole("status").filter({ hasText: `“${fileName}” uploaded` });
    const refused = this.page.getByRole("alert").filter({ hasText: fileName });
    await Promise.race([done.waitFor({ timeout: 45_000 }), refused.waitFor({ timeout: 45_000 })]);
    return (await refused.count()) > 0 ? { ok: false as const, message: await refused.first().innerText() } : { ok: true as const };
  }

  async describe(fields: { alt: string; caption?: string; credit?: string }) {
    await this.page.fill("#media-alt", fields.alt);
    if (fields.caption) await this.page.fill("#media-caption", fields.caption);
    if (fields.credit) await this.page.fill("#media-credit", fields.credit);
    await this.page.getByRole("button", { name: "Save description" }).click();
    await this.page.getByRole("status").filter({ hasText: "Description saved" }).waitFor({ timeout: 15_000 });
  }
}
