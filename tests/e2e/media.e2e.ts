import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MediaLibrary } from "./pages/media";
import { accessibilityViolations, launchBrowser } from "./support/browser";
import { signedInAs } from "./support/signed-in";
import { editorField } from "./pages/studio";

let browser: Browser;
let dir: string;
const base = () => inject("baseURL");

const as = (email: string, password: string) => signedInAs(browser, base(), email, password);

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), "koho-e2e-media-"));
  const photo = await sharp({ create: { width: 2000, height: 1333, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .composite([
      { input: { create: { width: 600, height: 400, channels: 3, background: { r: 230, g: 190, b: 30 } } }, top: 100, left: 100 },
    ])
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "35/1 41/1 22/1" } })
    .toBuffer();
  writeFileSync(join(dir, "signing-ceremony.jpg"), photo);
  writeFileSync(join(dir, "logo.png"), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("media library in the browser", () => {
  it("uploads a photo, describes it, inserts it into an item, publishes it, and readers get it through srcset with its alt text", async () => {
    const alt = "Governor signs the disaster cooperation agreement with the Mayor of Osaka";
    const writer = await as("writer@koho.example", "writer-demo-pass");
    const library = new MediaLibrary(writer.page, base());
    await library.open();
    expect(await accessibilityViolations(writer.page)).toEqual([]);

    const refused = await library.upload(join(dir, "logo.png"), "logo.png");
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/logo\.png.*SVG drawings are not accepted/) });
    const started = Date.now();
    expect(await library.upload(join(dir, "signing-ceremony.jpg"), "signing-ceremony.jpg")).toEqual({ ok: true });
    console.info(`browser upload of a 2000×1333 JPEG, end to end: ${Date.now() - started} ms`);
    expect(await accessibilityViolations(writer.page)).toEqual([]);

    await writer.page.getByRole("link", { name: "Add its alt text" }).click();
    await writer.page.waitForURL(/\/studio\/media\/\d+$/);
    const mediaPage = writer.page.url();
    await library.describe({ alt, caption: "The signing at City Hall.", credit: "Photo: Tokyo Metropolitan Government" });
    expect(await accessibilityViolations(writer.page)).toEqual([]);

    await writer.page.goto(writer.studio.url("/studio/articles"));
    const id = await writer.studio.newArticle();
    await writer.page.fill(editorField("title"), "Governor signs disaster cooperation agreement");
    await writer.page.fill(editorField("summary"), "Tokyo and Osaka will share rescue teams.");
    await writer.studio.body().click();
    await writer.page.keyboard.type("Tokyo and Osaka will share rescue teams after a major earthquake.");
    await writer.studio.waitForSaved();
    await writer.studio.tool("Image").click();
    await writer.page.getByRole("button", { name: "Choose from library" }).click();
    await writer.page.getByRole("button", { name: `Use “${alt}”` }).click();
    await writer.page
      .waitForFunction(() => !/Saved at/.test(document.querySelector(".save-status [role=status]")?.textContent ?? ""), null, {
        timeout: 5_000,
      })
      .catch(() => {});
    await writer.studio.waitForSaved();
    const slug = await writer.page.inputValue(editorField("slug"));
    await writer.page.reload();
    expect(await writer.studio.body().locator("img").getAttribute("src")).toMatch(/^\/media\/[A-Za-z0-9_-]{22}\/960\.webp$/);
    await writer.flow.run("Send for review");

    const publisher = await as("publisher@koho.example", "publisher-demo-pass");
    await publisher.page.goto(publisher.studio.url(`/studio/articles/${id}`));
    await publisher.flow.run("Approve");
    await publisher.page.reload();
    await publisher.flow.run("Publish now");

    // Published: readers see its description, so the writer now finds it locked, saying who can change it.
    await writer.page.goto(mediaPage);
    expect(await writer.page.locator("#describe-locked").innerText()).toMatch(/Only a publisher or an administrator can change it/);
    expect(await writer.page.isDisabled("#media-caption")).toBe(true);
    expect(await accessibilityViolations(writer.page)).toEqual([]);

    const reader = await (await browser.newContext()).newPage();
    expect((await reader.goto(new URL(`/news/${slug}`, base()).href))?.status()).toBe(200);
    const image = reader.locator("article img[srcset]").first();
    expect(await image.getAttribute("alt")).toBe(alt);
    const srcset = (await image.getAttribute("srcset")) ?? "";
    expect(srcset).toMatch(/\/480\.webp 480w, .*\/960\.webp 960w, .*\/1600\.webp 1600w/);
    expect(await image.getAttribute("width")).toBe("960");
    expect(await image.getAttribute("height")).toBe("640");
    await image.scrollIntoViewIfNeeded();
    await reader.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>("article img[srcset]");
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const src = (await image.getAttribute("src"))!;
    const served = await fetch(new URL(src, base()));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).exif).toBeUndefined();
    expect(await accessibilityViolations(reader)).toEqual([]);

    // Still in use: the library refuses to delete it and names the item.
    await writer.page.goto(writer.studio.url("/studio/media"));
    await writer.page.getByRole("link", { name: "Describe “signing-ceremony.jpg”" }).click();
    await writer.page.getByText("Governor signs disaster cooperation agreement").first().waitFor();
    writer.page.once("dialog", (d) => void d.accept());
    await writer.page.getByRole("button", { name: "Delete image" }).click();
    expect(await writer.page.getByRole("alert").filter({ hasText: "still used by" }).innerText()).toContain(
      "Governor signs disaster cooperation agreement",
    );
  });
});
