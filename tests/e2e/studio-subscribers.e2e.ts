import { readFileSync } from "node:fs";
import { and, desc, eq, sql } from "drizzle-orm";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { Handle } from "@/db/client";
import { articles, auditLog, categories, keptMessages, mailDeliveries, subscriberCategories, subscribers } from "@/db/schema";
import { StudioSubscribers } from "./pages/studio-subscribers";
import { browserAndDatabase } from "./support/browser-and-database";
import { accessibilityViolations } from "./support/browser";
import { signedInAs } from "./support/signed-in";

let browser: Browser;
let db: Handle;
browserAndDatabase((opened) => {
  ({ browser, db } = opened);
});
const base = () => inject("baseURL");

/**
 * axe on a kept message's page, minus the message itself: the HTML part is in a frame that may
 * run no script, where axe cannot be injected (its frame step waits for ever), and it is the
 * subscriber's mail, not the studio. The frame's own title is checked by the test.
 */
async function violationsBesideTheMessage(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .exclude(".kept-message iframe")
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

const stamp = Date.now().toString(36);
const reader = `reader.${stamp}@example.jp`;
const neighbour = `neighbour.${stamp}@example.jp`;
const subject = `Governor opens the Sumida bridge ${stamp}`;
const MAIL_HTML =
  `<!doctype html><html lang="en"><head><title>${subject}</title></head><body><main><h1>${subject}</h1>` +
  `<p>The bridge opens to walkers on Saturday.</p><script>document.body.insertAdjacentHTML("beforeend", "<p id=ran>script ran</p>")</script>` +
  `</main></body></html>`;

/** Rows as the subscribe flow and the worker leave them, written into the app's own database. */
async function seed() {
  const [item] = await db.db.select({ id: articles.id }).from(articles).where(eq(articles.status, "published")).limit(1);
  const [category] = await db.db.select().from(categories).orderBy(categories.position).limit(1);
  const confirmedAt = new Date(Date.now() - 86_400_000);
  const [person, other] = await db.db
    .insert(subscribers)
    .values([
      {
        email: reader,
        language: "en",
        status: "confirmed",
        allCategories: false,
        tokenSalt: `e2e-${stamp}-1`,
        confirmedAt,
        bounceCount: 1,
        lastBounceAt: new Date(),
        lastBounceReason: "550 5.1.1 Mailbox unavailable",
      },
      { email: neighbour, language: "ja", status: "confirmed", frequency: "daily", tokenSalt: `e2e-${stamp}-2`, confirmedAt },
    ])
    .returning();
  await db.db.insert(subscriberCategories).values({ subscriberId: person!.id, categoryId: category!.id });
  const delivery = (subscriberId: number, status: "sent" | "failed", n: number) => ({
    dedupeKey: `e2e:${stamp}:${n}`,
    kind: "alert" as const,
    subscriberId,
    articleId: item!.id,
    status,
    attempts: 1,
    nextAttemptAt: new Date(),
    sentAt: status === "sent" ? new Date() : null,
    lastError: status === "failed" ? "550 5.1.1 Mailbox unavailable" : null,
  });
  await db.db.insert(mailDeliveries).values([delivery(person!.id, "failed", 1), delivery(other!.id, "sent", 2)]);
  await db.db.insert(keptMessages).values([
    {
      to: reader,
      subject: `Confirm your subscription ${stamp}`,
      text: "Follow the link.",
      html: "<p>Follow the link.</p>",
      headers: {},
      keptAt: new Date(),
    },
    {
      to: neighbour,
      subject,
      text: `${subject}\n\nThe bridge opens to walkers on Saturday.`,
      html: MAIL_HTML,
      headers: { From: "Office of the Governor <news@localhost>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      keptAt: new Date(),
    },
  ]);
  return { person: person!, articleId: item!.id, category: category! };
}

async function counted() {
  const row = await db.db.get<{ confirmed: number; pending: number }>(
    sql`SELECT sum(status = 'confirmed') AS confirmed, sum(status = 'pending') AS pending FROM subscribers`,
  );
  return { confirmed: String(row?.confirmed ?? 0), pending: String(row?.pending ?? 0) };
}

describe("staff see delivery, and administrators handle a subscriber's data", () => {
  it("lets an administrator read the list, find, export and delete a subscriber, and read kept mail, by keyboard alone", async () => {
    const { person, articleId, category } = await seed();
    const admin = await signedInAs(browser, base(), "admin@koho.example", "admin-demo-pass");
    const ui = new StudioSubscribers(admin.page, base());

    // From the studio navigation to the subscriber list.
    await ui.activate(admin.page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Subscribers", exact: true }));
    await admin.page.waitForURL("**/studio/subscribers");
    expect(await ui.heading().innerText()).toBe("Subscribers");
    const expected = await counted();
    expect(await ui.figure("Confirmed")).toBe(expected.confirmed);
    expect(await ui.figure("Waiting for confirmation")).toBe(expected.pending);
    expect(await admin.page.getByText("Mail is kept here, not sent: SMTP_URL is not set.").isVisible()).toBe(true);
    const bounces = await ui.tableRows("Recent bounces");
    expect(bounces).toContainEqual([reader, expect.stringMatching(/JST$/), "550 5.1.1 Mailbox unavailable", "1"]);
    const follows = await ui.tableRows("Who is subscribed");
    expect(follows.find((r) => r[0] === category.name)).toBeDefined();
    expect(await accessibilityViolations(admin.page)).toEqual([]);

    // An address no one has: told so on the field, with what was typed kept.
    await ui.find(`nobody.${stamp}@example.jp`);
    const field = admin.page.getByLabel("E-mail address", { exact: true });
    await admin.page.locator("#find-subscriber-email-error").waitFor();
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.inputValue()).toBe(`nobody.${stamp}@example.jp`);
    expect(await accessibilityViolations(admin.page)).toEqual([]);

    // The exact address, however it is capitalised, opens everything held about it.
    await ui.find(reader.toUpperCase());
    await admin.page.waitForURL(`**/studio/subscribers/${person.id}`);
    expect(await ui.heading().innerText()).toBe(`Subscriber: ${reader}`);
    const profile = await admin.page.locator(".subscriber-profile:visible").innerText();
    expect(profile).toContain("Confirmed");
    expect(profile).toContain(category.name);
    expect(profile).toContain("550 5.1.1 Mailbox unavailable");
    const history = await ui.tableRows("Messages to this address");
    expect(history).toHaveLength(1);
    expect(history[0]![3]).toContain("Failed");
    expect(await accessibilityViolations(admin.page)).toEqual([]);

    // Export: a JSON download of everything held, written to the audit log.
    const download = admin.page.waitForEvent("download");
    await ui.activate(admin.page.getByRole("link", { name: "Export data (JSON)" }));
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^subscriber-${person.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const exported = JSON.parse(readFileSync((await file.path())!, "utf8"));
    expect(exported.subscriber).toMatchObject({ email: reader, status: "confirmed", bounceCount: 1 });
    expect(exported.subscriber.categories).toEqual([{ id: category.id, name: category.name }]);
    expect(exported.deliveries).toHaveLength(1);
    expect(exported.keptMessages.map((m: { subject: string }) => m.subject)).toEqual([`Confirm your subscription ${stamp}`]);
    expect(JSON.stringify(exported)).not.toContain(`e2e-${stamp}`);
    const audited = (action: string) =>
      db.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(person.id))))
        .orderBy(desc(auditLog.id));
    expect((await audited("subscribers.export"))[0]).toMatchObject({ outcome: "ok", actorLabel: "admin@koho.example" });
    expect((await audited("subscribers.find"))[0]).toMatchObject({ outcome: "ok" });

    // Delete, with a confirm step first.
    await ui.activate(admin.page.getByRole("link", { name: "Delete subscriber…" }));
    const confirm = admin.page.getByRole("heading", { name: "Delete this subscriber?" });
    await confirm.waitFor();
    expect(await accessibilityViolations(admin.page)).toEqual([]);
    expect(await db.db.select().from(subscribers).where(eq(subscribers.id, person.id))).toHaveLength(1);
    await ui.activate(admin.page.getByRole("button", { name: `Delete ${reader} for good` }));
    await admin.page.waitForURL("**/studio/subscribers?deleted=1");
    await admin.page.getByText("The subscriber and everything held about the address").waitFor();
    const left = await db.db.get<{ s: number; c: number; d: number; k: number }>(sql`
      SELECT (SELECT count(*) FROM subscribers WHERE email = ${reader}) AS s,
             (SELECT count(*) FROM subscriber_categories WHERE subscriber_id = ${person.id}) AS c,
             (SELECT count(*) FROM mail_deliveries WHERE subscriber_id = ${person.id}) AS d,
             (SELECT count(*) FROM kept_messages WHERE "to" = ${reader}) AS k`);
    expect(left).toEqual({ s: 0, c: 0, d: 0, k: 0 });
    expect((await audited("subscribers.delete"))[0]).toMatchObject({ outcome: "ok" });
    expect(await accessibilityViolations(admin.page)).toEqual([]);

    // Kept mail: what would have been sent, the HTML part in a sandboxed frame where no script runs.
    await ui.activate(admin.page.getByRole("link", { name: "See the kept messages" }));
    await admin.page.waitForURL("**/studio/mail");
    expect(await ui.heading().innerText()).toBe("Kept mail");
    expect(await accessibilityViolations(admin.page)).toEqual([]);
    await ui.activate(admin.page.getByRole("link", { name: subject, exact: true }));
    await admin.page.waitForURL(/\/studio\/mail\/\d+$/);
    expect(await ui.heading().innerText()).toBe(`Kept message: ${subject}`);
    const headers = await admin.page.locator(".kept-headers:visible").innerText();
    expect(headers).toContain(neighbour);
    expect(headers).toContain("List-Unsubscribe=One-Click");
    expect(await admin.page.locator(".kept-message:visible pre").innerText()).toContain("The bridge opens to walkers on Saturday.");
    const frame = admin.page.locator(".kept-message:visible iframe");
    expect(await frame.getAttribute("sandbox")).toBe("");
    const inside = admin.page.frameLocator(".kept-message iframe").first();
    await inside.getByRole("heading", { name: subject }).waitFor();
    expect(await inside.locator("#ran").count()).toBe(0);
    expect(await frame.getAttribute("title")).toBe(`HTML part of “${subject}”`);
    expect(await violationsBesideTheMessage(admin.page)).toEqual([]);

    // One item's delivery report, a page of its own linked from the item's editor.
    await ui.open(`/studio/articles/${articleId}`);
    await ui.activate(admin.page.getByRole("navigation", { name: "This item" }).getByRole("link", { name: "Subscribers", exact: true }));
    await admin.page.waitForURL(`**/studio/articles/${articleId}/delivery`);
    await admin.page.getByRole("heading", { name: /^Subscribers: / }).waitFor();
    expect(await ui.heading().innerText()).toMatch(/^Subscribers: /);
    const alerts = admin.page.locator('tr[data-kind="alert"]:visible');
    expect(Number(await alerts.locator('[data-status="sent"]').innerText())).toBeGreaterThanOrEqual(1);
    expect(await accessibilityViolations(admin.page)).toEqual([]);
    await admin.page.context().close();
  });

  it("shows a publisher the list with addresses shortened and no find, and keeps writers out", async () => {
    const bouncer = `bouncer.${stamp}@example.jp`;
    await db.db.insert(subscribers).values({
      email: bouncer,
      language: "en",
      status: "confirmed",
      tokenSalt: `e2e-${stamp}-3`,
      confirmedAt: new Date(),
      bounceCount: 3,
      lastBounceAt: new Date(Date.now() + 60_000),
      lastBounceReason: "552 Mailbox full",
    });
    const publisher = await signedInAs(browser, base(), "publisher@koho.example", "publisher-demo-pass");
    const ui = new StudioSubscribers(publisher.page, base());
    await ui.open();
    const bounces = await ui.tableRows("Recent bounces");
    expect(bounces[0]).toEqual(["b•••@example.jp", expect.stringMatching(/JST$/), "552 Mailbox full", "3"]);
    expect(JSON.stringify(bounces)).not.toContain(bouncer);
    expect(await publisher.page.getByRole("heading", { name: "Find a subscriber" }).count()).toBe(0);
    expect(await accessibilityViolations(publisher.page)).toEqual([]);
    await publisher.page.context().close();

    const writer = await signedInAs(browser, base(), "writer@koho.example", "writer-demo-pass");
    const nav = await writer.page.getByRole("navigation", { name: "Studio" }).getByRole("link").allInnerTexts();
    expect(nav).not.toContain("Subscribers");
    await new StudioSubscribers(writer.page, base()).open();
    expect(await writer.page.getByRole("alert").filter({ hasText: "Only publishers and administrators" }).isVisible()).toBe(true);
    const denied = await db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "subscribers.view"), eq(auditLog.outcome, "denied"), eq(auditLog.actorLabel, "writer@koho.example")));
    expect(denied.length).toBeGreaterThan(0);
    await writer.page.context().close();
  });
});
