import { and, desc, eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import {
  deleteSubscriber,
  exportSubscriberData,
  findSubscriberByEmail,
  getSubscriberRecord,
} from "@/server/subscriptions/subscriber-admin";
import { failure } from "../support/failure";
import { integrationTest } from "../support/fixtures";
import { demoArticlesAndCategories, insertDelivery, insertEvent, insertKeptMessage, insertSubscriber } from "./subscriber-admin-fixtures";

const it = integrationTest();

const held = (db: Database, id: number, email: string) =>
  db.get<{ subscribers: number; categories: number; deliveries: number; kept: number }>(sql`
    SELECT (SELECT count(*) FROM subscribers WHERE id = ${id} OR email = ${email}) AS subscribers,
           (SELECT count(*) FROM subscriber_categories WHERE subscriber_id = ${id}) AS categories,
           (SELECT count(*) FROM mail_deliveries WHERE subscriber_id = ${id}) AS deliveries,
           (SELECT count(*) FROM kept_messages WHERE "to" = ${email}) AS kept`);

async function newestAudit(db: Database, action: string) {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

/** A subscriber with two chosen categories, 120 deliveries (more than the screen shows) and two kept copies. */
async function heldAddress(db: Database, email: string) {
  const { items, cats } = await demoArticlesAndCategories(db);
  const person = await insertSubscriber(db, {
    email,
    language: "ja",
    frequency: "daily",
    digestHour: 7,
    categoryIds: [cats[0]!.id, cats[1]!.id],
    bounceCount: 1,
    lastBounceAt: new Date(Date.UTC(2026, 10, 20)),
    lastBounceReason: "452 Mailbox full",
  });
  const event = await insertEvent(db, items[0]!.id, "published", new Date(Date.UTC(2026, 10, 2)));
  for (let i = 0; i < 120; i++) {
    await insertDelivery(db, {
      subscriberId: person.id,
      kind: i === 0 ? "confirm" : "alert",
      status: i % 10 === 0 ? "failed" : "sent",
      articleId: i === 0 ? null : items[i % 2]!.id,
      eventId: i === 0 ? null : event.id,
      lastError: i % 10 === 0 ? "452 Mailbox full" : null,
      sentAt: i % 10 === 0 ? null : new Date(Date.UTC(2026, 10, 3) + i * 60_000),
      createdAt: new Date(Date.UTC(2026, 10, 3) + i * 60_000),
    });
  }
  await insertKeptMessage(db, email, "Confirm your subscription");
  await insertKeptMessage(db, email, "Daily digest");
  // Someone else's data stays whatever happens to this address.
  const bystander = await insertSubscriber(db, { email: `other-${email}`, categoryIds: [cats[0]!.id] });
  await insertDelivery(db, { subscriberId: bystander.id, kind: "alert", status: "sent", articleId: items[0]!.id, sentAt: new Date() });
  await insertKeptMessage(db, bystander.email, "For the bystander");
  return { person, bystander, cats };
}

describe("only administrators find, export and delete a subscriber", () => {
  it("refuses writers, editors and publishers, logs it, and changes nothing", async ({ db, actAs }) => {
    const { person } = await heldAddress(db, "refused@example.jp");
    const before = await held(db, person.id, person.email);
    for (const role of ["writer", "editor", "publisher"] as const) {
      actAs(role);
      expect((await failure(findSubscriberByEmail({ email: person.email }))).status).toBe(403);
      expect((await failure(getSubscriberRecord({ id: person.id }))).status).toBe(403);
      expect((await failure(exportSubscriberData({ id: person.id }))).status).toBe(403);
      expect((await failure(deleteSubscriber({ id: person.id }))).status).toBe(403);
    }
    expect(await held(db, person.id, person.email)).toEqual(before);
    const denials = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.outcome, "denied"), sql`${auditLog.action} LIKE 'subscribers.%'`));
    expect(denials).toHaveLength(12);
    actAs(null);
    expect((await failure(deleteSubscriber({ id: person.id }))).status).toBe(401);
    expect(await held(db, person.id, person.email)).toEqual(before);
  });
});

describe("an administrator answering a privacy request", () => {
  it("finds by exact address, however it is typed, and logs the search with the address masked", async ({ db, actAs, staff }) => {
    const { person } = await heldAddress(db, "finder@example.jp");
    actAs("admin");
    expect(await findSubscriberByEmail({ email: "  Finder@Example.JP " })).toEqual({ id: person.id });
    const entry = await newestAudit(db, "subscribers.find");
    expect(entry).toMatchObject({ actorId: staff.admin.id, outcome: "ok", targetType: "subscriber", targetId: String(person.id) });
    expect(entry!.details).toEqual({ address: "f•••@example.jp", found: true });
    expect(JSON.stringify(entry)).not.toContain("finder@");

    expect(await findSubscriberByEmail({ email: "finder@example.org" })).toBeNull();
    expect((await newestAudit(db, "subscribers.find"))!.details).toMatchObject({ found: false });
    const bad = await failure(findSubscriberByEmail({ email: "not an address" }));
    expect(bad.status).toBe(400);
    expect(bad.fields?.email).toMatch(/whole e-mail address/);
    expect((await failure(findSubscriberByEmail({ email: "a@b.jp", role: "admin" }))).status).toBe(400);
  });

  it("shows everything held: preferences, status, dates, bounces and the newest deliveries", async ({ db, actAs }) => {
    const { person, cats } = await heldAddress(db, "record@example.jp");
    actAs("admin");
    const record = await getSubscriberRecord({ id: person.id });
    expect(record.profile).toMatchObject({
      email: "record@example.jp",
      status: "confirmed",
      language: "ja",
      frequency: "daily",
      digestHour: 7,
      allCategories: false,
      categories: [
        { id: cats[0]!.id, name: cats[0]!.name },
        { id: cats[1]!.id, name: cats[1]!.name },
      ],
      bounceCount: 1,
      lastBounceReason: "452 Mailbox full",
      lastBounceAt: new Date(Date.UTC(2026, 10, 20)).toISOString(),
    });
    expect(record.profile).not.toHaveProperty("tokenSalt");
    expect(record.deliveryCount).toBe(120);
    expect(record.deliveries).toHaveLength(100);
    expect(record.deliveries[0]!.createdAt > record.deliveries[99]!.createdAt).toBe(true);
    // Each message names the item it was about, by that item's own latest title.
    const titles = await db.all<{ id: number; title: string }>(
      sql`SELECT article_id AS id, title FROM article_editions e WHERE number = (SELECT max(number) FROM article_editions WHERE article_id = e.article_id)`,
    );
    const alerts = record.deliveries.filter((d) => d.articleId !== null);
    expect(new Set(alerts.map((d) => d.articleId)).size).toBe(2);
    for (const d of alerts) expect(d.articleTitle).toBe(titles.find((t) => t.id === d.articleId)!.title);
    expect(record.keptMessages).toBe(2);
    expect((await newestAudit(db, "subscribers.view"))!.targetId).toBe(String(person.id));
    expect((await failure(getSubscriberRecord({ id: 9_999_999 }))).status).toBe(404);
  });

  it("exports every row held about the address, and logs the export", async ({ db, actAs }) => {
    const { person } = await heldAddress(db, "export@example.jp");
    actAs("admin");
    const data = await exportSubscriberData({ id: person.id });
    expect(data.subscriber.email).toBe("export@example.jp");
    expect(data.subscriber.categories).toHaveLength(2);
    expect(data.deliveries).toHaveLength(120);
    expect(new Set(data.deliveries.map((d) => d.kind))).toEqual(new Set(["confirm", "alert"]));
    expect(data.deliveries.filter((d) => d.status === "failed").every((d) => d.lastError === "452 Mailbox full")).toBe(true);
    expect(data.keptMessages.map((m) => m.subject).sort()).toEqual(["Confirm your subscription", "Daily digest"]);
    expect(data.keptMessages[0]!.text).toContain("Plain words of");
    expect(JSON.stringify(data)).not.toContain("salt-");
    expect(JSON.stringify(data)).not.toContain("other-export@");
    const entry = await newestAudit(db, "subscribers.export");
    expect(entry).toMatchObject({ outcome: "ok", targetId: String(person.id) });
    expect(entry!.details).toEqual({ address: "e•••@example.jp", deliveries: 120, keptMessages: 2 });
  });

  it("deletes the subscriber with its categories, deliveries and kept copies, and no one else's", async ({ db, actAs }) => {
    const { person, bystander } = await heldAddress(db, "erase@example.jp");
    const bystanderBefore = await held(db, bystander.id, bystander.email);
    expect(await held(db, person.id, person.email)).toEqual({ subscribers: 1, categories: 2, deliveries: 120, kept: 2 });
    actAs("admin");
    expect(await deleteSubscriber({ id: person.id })).toEqual({ address: "e•••@example.jp" });
    expect(await held(db, person.id, person.email)).toEqual({ subscribers: 0, categories: 0, deliveries: 0, kept: 0 });
    expect(await held(db, bystander.id, bystander.email)).toEqual(bystanderBefore);
    const entry = await newestAudit(db, "subscribers.delete");
    expect(entry).toMatchObject({ outcome: "ok", targetType: "subscriber", targetId: String(person.id) });
    expect(entry!.details).toEqual({ address: "e•••@example.jp", keptMessages: 2 });
    expect(await findSubscriberByEmail({ email: person.email })).toBeNull();

    // A second click (or a stale page) is told the record is gone, and writes no second entry.
    const again = await failure(deleteSubscriber({ id: person.id }));
    expect(again.status).toBe(404);
    expect((await newestAudit(db, "subscribers.delete"))!.id).toBe(entry!.id);
    expect((await failure(deleteSubscriber({ id: "7" }))).status).toBe(400);
  });
});
