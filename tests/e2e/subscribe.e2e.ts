import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import "../support/next-cache-stub";
import "../support/auth-stub";
import { subscribers } from "@/db/schema";
import { rawHeader, startSmtpSink, type ReceivedMail, type SmtpSink } from "../support/smtp-sink";
import { accessibilityViolations, launchBrowser } from "./support/browser";
import { openNewsroom } from "./support/readers-newsroom";
import { freePort, killApp, startApp, waitUntil, type App } from "./support/readers-processes";

vi.mock("server-only", () => ({}));

/**
 * Issue 17's "Done when": a reader subscribes through the form (without JavaScript), confirms
 * from the mail that reaches a real SMTP server, gets an alert when an item is published,
 * unsubscribes with the one-click POST to the message's List-Unsubscribe address, and gets
 * nothing for the next publication, while a control subscriber who stays gets it (so the outbox
 * has drained when we look). The app is its own process with SMTP_URL pointing at the sink.
 */
let dir: string;
let smtp: SmtpSink;
let app: App;
let newsroom: Awaited<ReturnType<typeof openNewsroom>>;
let browser: Browser;
let withJs: BrowserContext;
let withoutJs: BrowserContext;

const READER = "reader.e2e@example.com";
const CONTROL = "control.e2e@example.com";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "koho-subscribe-"));
  const databaseUrl = `file:${join(dir, "koho.db")}`;
  newsroom = await openNewsroom(databaseUrl);
  smtp = await startSmtpSink();
  const port = await freePort();
  // SITE_URL is this app itself, so the links in the mail lead back to it.
  app = await startApp({
    databaseUrl,
    siteUrl: `http://127.0.0.1:${port}`,
    port,
    env: { SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: "250", MAIL_RETRY_BASE_MS: "200" },
  });
  browser = await launchBrowser();
  withJs = await browser.newContext();
  withoutJs = await browser.newContext({ javaScriptEnabled: false });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (app) await killApp(app);
  await smtp?.close();
  newsroom?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function mailTo(address: string, matching: (mail: ReceivedMail) => boolean): Promise<ReceivedMail> {
  const arrived = await waitUntil(async () => smtp.to(address).some(matching), 45_000, 100);
  expect(arrived, `a message to ${address} (log: ${app.log.join("").slice(-2000)})`).toBe(true);
  return smtp.to(address).find(matching)!;
}

const confirmLink = (mail: ReceivedMail) => /https?:\/\/\S+\/email\/confirm\/[A-Za-z0-9._-]+/.exec(mail.parsed.text ?? "")?.[0];

async function expectAccessible(page: Page, url: string) {
  await page.goto(url);
  expect(await accessibilityViolations(page), url).toEqual([]);
}

async function subscribeWithForm(page: Page, email: string) {
  const response = await page.goto(`${app.url}/subscribe`);
  expect(response!.headers()["cache-control"]).toBe("private, no-store");
  expect(response!.headers()["x-robots-tag"]).toMatch(/noindex/);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("All news").check();
  await page.getByLabel("At once: one e-mail for each item").check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await page.waitForURL(/\/subscribe\/check-inbox$/);
  await expect.poll(() => page.locator("h1").textContent()).toBe("Check your inbox");
}

describe("e-mail alerts without an account", () => {
  it("the form pages pass axe in English and Japanese, and a refused address comes back with its error, without JavaScript", async () => {
    const page = await withJs.newPage();
    await expectAccessible(page, `${app.url}/subscribe`);
    await expectAccessible(page, `${app.url}/ja/subscribe`);
    expect(await page.locator("html").getAttribute("lang")).toBe("ja");
    expect(await page.locator("h1").textContent()).toBe("メール配信の登録");
    // The footer links every page to the form.
    await page.goto(`${app.url}/`);
    expect(await page.getByRole("link", { name: "Get e-mail alerts" }).getAttribute("href")).toBe("/subscribe");

    const plain = await withoutJs.newPage();
    await plain.goto(`${app.url}/subscribe`);
    await plain.getByLabel("E-mail address").fill("not an address");
    await plain.getByRole("button", { name: "Subscribe" }).click();
    await plain.waitForURL(/\/subscribe\?problem=1$/);
    expect(plain.url()).not.toContain("not%20an%20address");
    const summary = plain.getByRole("alert");
    expect(await summary.getByRole("link").textContent()).toMatch(/name@example\.com/);
    expect(await summary.getByRole("link").getAttribute("href")).toBe("#subscribe-email");
    expect(await plain.getByLabel("E-mail address").inputValue()).toBe("not an address");
    expect(await plain.getByLabel("E-mail address").getAttribute("aria-invalid")).toBe("true");
    // The same page with its error, checked by axe (in a context whose scripts run).
    const checking = await withJs.newPage();
    await checking.goto(`${app.url}/subscribe`);
    await checking.getByLabel("E-mail address").fill("still not");
    await checking.getByRole("button", { name: "Subscribe" }).click();
    await checking.waitForURL(/problem=1/);
    expect(await accessibilityViolations(checking)).toEqual([]);
    // In Japanese, the form posts to its own language's route and comes back in Japanese.
    await plain.goto(`${app.url}/ja/subscribe`);
    await plain.getByLabel("メールアドレス").fill("まちがい");
    await plain.getByRole("button", { name: "登録する" }).click();
    await plain.waitForURL(/\/ja\/subscribe\?problem=1$/);
    expect(await plain.getByRole("alert").getByRole("link").textContent()).toBe(
      "メールアドレスを name@example.com の形式で入力してください。",
    );
    expect(await newsroom.db.select().from(subscribers)).toEqual([]);
  }, 120_000);

  it("subscribe, confirm from the mail, get an alert, one-click unsubscribe, then nothing", async () => {
    const plain = await withoutJs.newPage();
    await subscribeWithForm(plain, READER);
    await subscribeWithForm(plain, CONTROL);
    const checkInbox = await withJs.newPage();
    await expectAccessible(checkInbox, `${app.url}/subscribe/check-inbox`);

    // Double opt-in: the only message is the confirmation, and opening its link confirms nothing.
    const confirmation = await mailTo(READER, (m) => !!confirmLink(m));
    const link = confirmLink(confirmation)!;
    expect(link.startsWith(app.url)).toBe(true);
    const page = await withJs.newPage();
    await expectAccessible(page, link);
    const [opened] = await newsroom.db.select().from(subscribers).where(eq(subscribers.email, READER));
    expect(opened!.status).toBe("pending");
    await page.getByRole("button", { name: "Confirm subscription" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("You’re subscribed");
    const manage = await page.getByRole("link", { name: "Change your alert settings" }).getAttribute("href");
    await expectAccessible(page, new URL(manage!, app.url).href);
    expect(await page.getByText(READER).count()).toBe(1);

    // The control subscriber confirms with plain HTTP, as a mail client's browser would.
    const controlLink = confirmLink(await mailTo(CONTROL, (m) => !!confirmLink(m)))!;
    const confirmed = await fetch(controlLink, { method: "POST", redirect: "manual" });
    expect(confirmed.status).toBe(303);

    const first = await newsroom.publish("Harbour ferry timetable extended");
    const alert = await mailTo(READER, (m) => m.parsed.subject?.includes(first.title) ?? false);
    await mailTo(CONTROL, (m) => m.parsed.subject?.includes(first.title) ?? false);
    expect(alert.parsed.text).toContain(`/news/${first.slug}`);
    expect(rawHeader(alert, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = /^<([^>]+)>$/.exec(rawHeader(alert, "List-Unsubscribe") ?? "")?.[1];
    expect(unsubscribeUrl?.startsWith(`${app.url}/email/unsubscribe/`)).toBe(true);

    // Opening the address in a browser only asks; the axe check is of that page.
    await expectAccessible(page, unsubscribeUrl!);
    expect(await newsroom.db.select().from(subscribers).where(eq(subscribers.email, READER))).toHaveLength(1);

    // RFC 8058: a POST from the mail client, with no cookie, no Origin and no CSRF token.
    const oneClick = await fetch(unsubscribeUrl!, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    expect(oneClick.headers.get("cache-control")).toBe("private, no-store");
    expect(await oneClick.text()).toContain("You have unsubscribed");
    expect(await newsroom.db.select().from(subscribers).where(eq(subscribers.email, READER))).toEqual([]);
    // The same link is dead now, and says so (404).
    const dead = await page.goto(unsubscribeUrl!);
    expect(dead!.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("This link no longer works");
    expect((await page.goto(link))!.status()).toBe(404);

    const mailsBefore = smtp.to(READER).length;
    const second = await newsroom.publish("Second harbour notice");
    // The outbox has drained for this item once the control subscriber has it.
    await mailTo(CONTROL, (m) => m.parsed.subject?.includes(second.title) ?? false);
    expect(smtp.to(READER).length).toBe(mailsBefore);
    expect(smtp.to(READER).some((m) => m.parsed.subject?.includes(second.title))).toBe(false);

    // Many mail clients send the one-click body as multipart/form-data: that works too.
    const controlAlert = await mailTo(CONTROL, (m) => m.parsed.subject?.includes(second.title) ?? false);
    const body = new FormData();
    body.set("List-Unsubscribe", "One-Click");
    const multipart = await fetch(/^<([^>]+)>$/.exec(rawHeader(controlAlert, "List-Unsubscribe") ?? "")![1]!, { method: "POST", body });
    expect(multipart.status).toBe(200);
    expect(await newsroom.db.select().from(subscribers).where(eq(subscribers.email, CONTROL))).toEqual([]);
  }, 180_000);

  it("the unsubscribe button on the page works without JavaScript too, and the manage page saves", async () => {
    const plain = await withoutJs.newPage();
    const email = "third.e2e@example.com";
    await subscribeWithForm(plain, email);
    const link = confirmLink(await mailTo(email, (m) => !!confirmLink(m)))!;
    await plain.goto(link);
    await plain.getByRole("button", { name: "Confirm subscription" }).click();
    await expect.poll(() => plain.locator("h1").textContent()).toBe("You’re subscribed");
    await plain.getByRole("link", { name: "Change your alert settings" }).click();
    await plain.getByLabel("Daily: one digest a day, only on days with news").check();
    await plain.getByLabel("Time of the daily digest (Tokyo time)").selectOption("18");
    await plain.getByRole("button", { name: "Save changes" }).click();
    await expect.poll(() => plain.getByRole("status").textContent()).toBe("Your changes are saved");
    const [row] = await newsroom.db.select().from(subscribers).where(eq(subscribers.email, email));
    expect(row).toMatchObject({ frequency: "daily", digestHour: 18 });
    // The same page in Japanese, with the saved choices, passes axe.
    const japanese = await withJs.newPage();
    await expectAccessible(japanese, `${app.url}/ja${new URL(plain.url()).pathname}`);
    expect(await japanese.getByLabel("1日1回のまとめ（お知らせのある日のみ）").isChecked()).toBe(true);
    await plain.getByRole("button", { name: "Unsubscribe" }).click();
    await expect.poll(() => plain.locator("h1").textContent()).toBe("You have unsubscribed");
    expect(await newsroom.db.select().from(subscribers).where(eq(subscribers.email, email))).toEqual([]);
  }, 120_000);
});
