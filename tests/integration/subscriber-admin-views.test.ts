import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { auditLog } from "@/db/schema";
import { withEnv } from "@/lib/env";
import { getDeliveryReport } from "@/server/subscriptions/delivery-report";
import { getKeptMessage, listKeptMessages } from "@/server/subscriptions/kept-mail";
import { getSubscriberOverview } from "@/server/subscriptions/subscriber-overview";
import { failure } from "../support/failure";
import { integrationTest } from "../support/fixtures";
import {
  demoArticlesAndCategories,
  insertDelivery,
  insertEvent,
  insertKeptMessage,
  insertPing,
  insertSubscriber,
} from "./subscriber-admin-fixtures";

const it = integrationTest();

const NOW = new Date(Date.UTC(2026, 11, 2, 3, 0, 0));
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

let articleId = 0;
let otherArticleId = 0;
let keptId = 0;

it.beforeAll(async ({ db }) => {
  const { items, cats } = await demoArticlesAndCategories(db);
  articleId = items[0]!.id;
  otherArticleId = items[1]!.id;
  const ann = await insertSubscriber(db, { email: "ann@example.jp" });
  const ben = await insertSubscriber(db, { email: "ben@example.jp", language: "ja", frequency: "daily", categoryIds: [cats[0]!.id] });
  const cho = await insertSubscriber(db, {
    email: "cho@mail.example",
    categoryIds: [cats[0]!.id, cats[1]!.id],
    bounceCount: 2,
    lastBounceAt: ago(1),
    lastBounceReason: "550 5.1.1 No such mailbox",
  });
  await insertSubscriber(db, { email: "dee@example.jp", status: "pending", confirmedAt: null });
  await insertSubscriber(db, { email: "eve@example.jp", bounceCount: 1, lastBounceAt: ago(30), lastBounceReason: "552 Mailbox full" });

  const published = await insertEvent(db, articleId, "published", ago(5));
  const updated = await insertEvent(db, articleId, "updated", ago(2));
  await insertPing(db, published.id, "https://news.example/feed.xml", "sent");
  await insertPing(db, updated.id, "https://news.example/atom.xml", "queued", "503 from the hub");
  const about = { articleId, eventId: published.id };
  await insertDelivery(db, { ...about, subscriberId: ann.id, kind: "alert", status: "sent", sentAt: ago(4), createdAt: ago(5) });
  await insertDelivery(db, {
    ...about,
    subscriberId: cho.id,
    kind: "alert",
    status: "failed",
    lastError: "550 5.1.1 No such mailbox",
    createdAt: ago(5),
    nextAttemptAt: ago(1),
  });
  await insertDelivery(db, { ...about, subscriberId: ann.id, kind: "update", eventId: updated.id, status: "queued", createdAt: ago(3) });
  await insertDelivery(db, { ...about, subscriberId: cho.id, kind: "update", eventId: updated.id, status: "sending", createdAt: ago(2) });
  await insertDelivery(db, {
    subscriberId: ben.id,
    kind: "digest",
    status: "sent",
    digestEventIds: [published.id],
    sentAt: ago(1),
    createdAt: ago(1),
  });
  // Another item's mail and an old failure: in the queue figures, not in this item's report or the last day.
  await insertDelivery(db, {
    subscriberId: ann.id,
    kind: "alert",
    articleId: otherArticleId,
    status: "sent",
    sentAt: ago(40),
    createdAt: ago(41),
  });
  await insertDelivery(db, {
    subscriberId: ann.id,
    kind: "alert",
    articleId: otherArticleId,
    status: "failed",
    lastError: "old",
    createdAt: ago(50),
    nextAttemptAt: ago(48),
  });

  keptId = (await insertKeptMessage(db, "ann@example.jp", "Governor opens the new bridge", ago(1))).id;
  await insertKeptMessage(db, "ben@example.jp", "An older message", ago(6));
});

describe("who may see delivery and the subscriber list", () => {
  it("refuses writers and editors, and logs each refusal", async ({ db, actAs, staff }) => {
    for (const role of ["writer", "editor"] as const) {
      actAs(role);
      expect((await failure(getSubscriberOverview({ now: NOW }))).status).toBe(403);
      expect((await failure(getDeliveryReport({ articleId }))).status).toBe(403);
      expect((await failure(listKeptMessages())).status).toBe(403);
      expect((await failure(getKeptMessage({ id: keptId }))).status).toBe(403);
      const denied = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, staff[role].id), eq(auditLog.outcome, "denied")));
      expect(denied.map((d) => d.action).sort()).toEqual(["mail.kept_view", "mail.kept_view", "subscribers.view", "subscribers.view"]);
    }
    actAs(null);
    expect((await failure(getSubscriberOverview())).status).toBe(401);
  });

  it("lets a publisher see counts and queue health, with bounced addresses masked", async ({ actAs }) => {
    actAs("publisher");
    const overview = await getSubscriberOverview({ now: NOW });
    expect(overview).toMatchObject({
      smtpConfigured: false,
      confirmed: 4,
      pending: 1,
      byLanguage: [
        { language: "en", count: 3 },
        { language: "ja", count: 1 },
      ],
      byFrequency: { immediate: 3, daily: 1 },
      allCategories: 2,
      queue: { queued: 1, sending: 1, failedLastDay: 1, sentLastDay: 2, oldestQueuedAt: ago(3).toISOString(), oldestQueuedAgeMs: 3 * HOUR },
      addressesMasked: true,
    });
    expect(overview.byCategory.slice(0, 2).map((c) => c.count)).toEqual([2, 1]);
    expect(overview.bounces).toEqual([
      { email: "c•••@mail.example", lastBounceAt: ago(1).toISOString(), reason: "550 5.1.1 No such mailbox", count: 2 },
      { email: "e•••@example.jp", lastBounceAt: ago(30).toISOString(), reason: "552 Mailbox full", count: 1 },
    ]);
  });

  it("shows an administrator the bounced addresses whole, and says when SMTP is configured", async ({ actAs, url }) => {
    actAs("admin");
    const overview = await getSubscriberOverview({ now: NOW });
    expect(overview.addressesMasked).toBe(false);
    expect(overview.bounces.map((b) => b.email)).toEqual(["cho@mail.example", "eve@example.jp"]);
    const configured = await withEnv({ DATABASE_URL: url, SMTP_URL: "smtp://mail.example:587" }, () => getSubscriberOverview({ now: NOW }));
    expect(configured.smtpConfigured).toBe(true);
  });
});

describe("one item's delivery report", () => {
  it("counts its messages by kind and status, groups failures, and lists its events and feed pings", async ({ actAs }) => {
    actAs("publisher");
    const report = await getDeliveryReport({ articleId });
    expect(report.article.id).toBe(articleId);
    expect(report.article.title.length).toBeGreaterThan(0);
    expect(report.totals).toEqual({ queued: 1, sending: 1, sent: 1, failed: 1, cancelled: 0 });
    expect(report.byKind.alert).toEqual({ queued: 0, sending: 0, sent: 1, failed: 1, cancelled: 0 });
    expect(report.byKind.update).toEqual({ queued: 1, sending: 1, sent: 0, failed: 0, cancelled: 0 });
    expect(report.byKind.withdrawal).toEqual({ queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 });
    expect(report.digests.sent).toBe(1);
    expect(report.failures).toEqual([{ reason: "550 5.1.1 No such mailbox", count: 1, examples: ["c•••@mail.example"] }]);
    expect(report.lastSentAt).toBe(ago(4).toISOString());
    expect(report.events.map((e) => [e.kind, e.occurredAt])).toEqual([
      ["published", ago(5).toISOString()],
      ["updated", ago(2).toISOString()],
    ]);
    expect(report.events.every((e) => e.fannedOutAt !== null)).toBe(true);
    expect(report.pings.map((p) => [p.topic, p.status, p.lastError])).toEqual([
      ["https://news.example/feed.xml", "sent", null],
      ["https://news.example/atom.xml", "queued", "503 from the hub"],
    ]);

    actAs("admin");
    expect((await getDeliveryReport({ articleId })).failures[0]!.examples).toEqual(["cho@mail.example"]);
  });

  it("answers an item with no mail with zeros, an unknown item with 404 and a bad id with 400", async ({ actAs, db }) => {
    actAs("publisher");
    const { items } = await demoArticlesAndCategories(db);
    const other = await getDeliveryReport({ articleId: items[1]!.id });
    expect(other.totals).toEqual({ queued: 0, sending: 0, sent: 1, failed: 1, cancelled: 0 });
    expect(other.events).toEqual([]);
    expect((await failure(getDeliveryReport({ articleId: 9_999_999 }))).status).toBe(404);
    expect((await failure(getDeliveryReport({ articleId: "1; DROP TABLE" }))).status).toBe(400);
    expect((await failure(getDeliveryReport({ articleId, extra: 1 }))).status).toBe(400);
  });
});

describe("kept messages", () => {
  it("lists the newest first and shows one whole, masking the recipient for a publisher", async ({ actAs }) => {
    actAs("publisher");
    const list = await listKeptMessages();
    expect(list.smtpConfigured).toBe(false);
    expect(list.total).toBe(2);
    expect(list.messages.map((m) => [m.to, m.subject])).toEqual([
      ["a•••@example.jp", "Governor opens the new bridge"],
      ["b•••@example.jp", "An older message"],
    ]);
    const message = await getKeptMessage({ id: keptId });
    expect(message).toMatchObject({ to: "a•••@example.jp", text: "Plain words of Governor opens the new bridge" });
    expect(message.html).toContain("<p>HTML words of");
    expect(message.headers["List-Unsubscribe"]).toContain("unsubscribe");
    actAs("admin");
    expect((await getKeptMessage({ id: keptId })).to).toBe("ann@example.jp");
    expect((await failure(getKeptMessage({ id: 9_999_999 }))).status).toBe(404);
  });
});
