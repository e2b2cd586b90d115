import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type Handle } from "@/db/client";
import { launchBrowser } from "./browser";

/**
 * One Chromium and one handle on the shared e2e database for the file, closed after its tests;
 * `use` receives them before the tests run (each test makes its own contexts and pages).
 */
export function browserAndDatabase(use: (opened: { browser: Browser; db: Handle }) => void | Promise<void>) {
  let browser: Browser | undefined;
  let db: Handle | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    db = await openDatabase(inject("databaseUrl"));
    await use({ browser, db });
  });
  afterAll(async () => {
    await browser?.close();
    db?.client.close();
  });
}
