import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, onTestFinished } from "vitest";
import { mailDeliveries, subscribers } from "@/db/schema";
import { withEnv } from "@/lib/env";
import * as withdrawal from "@/server/workflow/withdrawal";
import { drainOutbox } from "@/server/subscriptions/worker";
import { integrationTest } from "../support/fixtures";
import { actAs } from "../support/session";
import { rawHeader, startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { addSubscribers, deliveryCounts, publishedThroughWorkflow, republished } from "./subscriber-fixtures";

const it = integrationTest();
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink({ refuse: ["gone@example.jp"] });
});
afterAll(() => sink.close());

/** Every outbox round the app would run, until nothing is left to send. */
async function drained() {
  return withEnv({ SMTP_URL: sink.url, MAIL_RETRY_BASE_MS: "10" }, async () => {
    const total = { sent: 0, failed: 0 };
    for (let round = 0; round < 10; round++) {
      const report = await drainOutbox({ budgetMs: 5_000 });
      total.sent += report.sent;
      total.failed += report.failed;
      if (report.sent + report.retried + report.queued === 0) break;
    }
    return total;
  });
}

describe("alerts from the outbox", () => {
  it("sends one alert per confirmed subscriber on first publication, with both parts and one-click unsubscribe, and nothing twice", async ({
    db,
  }) => {
    await addSubscribers(db, ["a1@example.jp", "a2@example.jp", "gone@example.jp"]);
    await addSubscribers(db, ["ja1@example.jp"], { language: "ja" });
    await db.insert(subscribers).values({ email: "pending@example.jp", status: "pending", language: "en", tokenSalt: "s" });
    const item = await publishedThroughWorkflow(db, "Governor opens flood barrier Edogawa");
    await drained();
    expect(sink.to("a1@example.jp")).toHaveLength(1);
    expect(sink.to("a2@example.jp")).toHaveLength(1);
    expect(sink.to("ja1@example.jp")).toHaveLength(0);
    expect(sink.to("pending@example.jp")).toHaveLength(0);
    const [mail] = sink.to("a1@example.jp");
    expect(mail!.parsed.subject).toBe("Governor opens flood barrier Edogawa");
    expect(mail!.parsed.text).toContain(`/news/${item.slug}`);
    expect(mail!.parsed.html).toContain('<html lang="en">');
    expect(rawHeader(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(rawHeader(mail!, "List-Unsubscribe")).toMatch(/^<http:\/\/localhost:3000\/email\/unsubscribe\/\d+\.[\w-]{43}>$/);
    expect(mail!.messageId).toMatch(/^<koho\.\d+@localhost>$/);
    // The refused address: failed with the server's reason, counted as a bounce, not retried.
    const [gone] = await db.select().from(subscribers).where(eq(subscribers.email, "gone@example.jp"));
    expect(gone!.bounceCount).toBe(1);
    expect(gone!.lastBounceReason).toMatch(/No such mailbox/);
    expect(await deliveryCounts(db, item.id)).toEqual([
      { kind: "alert", status: "failed", n: 1 },
      { kind: "alert", status: "sent", n: 2 },
    ]);
    // Running the worker again sends nothing more.
    const before = sink.received.length;
    await drained();
    expect(sink.received.length).toBe(before);
  });

  it("says nothing of a minor change, sends an Updated alert with the note for a major one, and a withdrawal notice only to those told", async ({
    db,
  }) => {
    await addSubscribers(db, ["b1@example.jp"]);
    const item = await publishedThroughWorkflow(db, "Tama zoo extends opening hours");
    await drained();
    expect(sink.to("b1@example.jp")).toHaveLength(1);
    await addSubscribers(db, ["late@example.jp"]);
    await republished(db, item, { changeType: "minor", text: "Typo fixed." });
    await drained();
    expect(sink.to("b1@example.jp")).toHaveLength(1);
    await republished(db, item, { changeType: "major", changeNote: "Corrected the closing time to 20:00", text: "Open until 20:00." });
    await drained();
    const update = sink.to("b1@example.jp")[1]!;
    expect(update.parsed.subject).toBe("Updated: Tama zoo extends opening hours");
    expect(update.parsed.text).toContain("Corrected the closing time to 20:00");
    expect(sink.to("late@example.jp").map((m) => m.parsed.subject)).toEqual(["Updated: Tama zoo extends opening hours"]);
    actAs("publisher");
    await addSubscribers(db, ["never-told@example.jp"]);
    await withdrawal.withdrawArticle({ articleId: item.id, explanation: "Published before the zoo confirmed the hours." });
    await drained();
    expect(sink.to("b1@example.jp").at(-1)!.parsed.subject).toBe("Withdrawn: Tama zoo extends opening hours");
    expect(sink.to("b1@example.jp").at(-1)!.parsed.text).toContain("Published before the zoo confirmed the hours.");
    expect(sink.to("never-told@example.jp")).toHaveLength(0);
  });

  it("keeps mail queued through an SMTP outage, without using up attempts, and sends it once the server is back", async ({ db }) => {
    await addSubscribers(db, ["c1@example.jp", "c2@example.jp"]);
    await sink.close();
    onTestFinished(() => sink.listen().catch(() => {}));
    const item = await publishedThroughWorkflow(db, "Outage-proof alert Hachioji");
    const report = await withEnv({ SMTP_URL: sink.url, MAIL_RETRY_BASE_MS: "10" }, () => drainOutbox({ budgetMs: 5_000 }));
    expect(report.outage).toBe(true);
    const waiting = await db.select().from(mailDeliveries).where(eq(mailDeliveries.articleId, item.id));
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    expect(waiting.every((d) => d.status === "queued" && d.attempts === 0)).toBe(true);
    await sink.listen();
    await new Promise((r) => setTimeout(r, 30));
    await drained();
    expect(sink.to("c1@example.jp").filter((m) => m.parsed.subject === "Outage-proof alert Hachioji")).toHaveLength(1);
    expect(sink.to("c2@example.jp").filter((m) => m.parsed.subject === "Outage-proof alert Hachioji")).toHaveLength(1);
  });

  it("alerts subscribers of the item's category and not those of another", async ({ db }) => {
    // Workflow items are in category 1 (tests/support/workflow.ts).
    await addSubscribers(db, ["here@example.jp"], { categoryIds: [1] });
    await addSubscribers(db, ["elsewhere@example.jp"], { categoryIds: [2] });
    await publishedThroughWorkflow(db, "Category-bound alert Nerima");
    await drained();
    expect(sink.to("here@example.jp").map((m) => m.parsed.subject)).toEqual(["Category-bound alert Nerima"]);
    expect(sink.to("elsewhere@example.jp")).toHaveLength(0);
  });
});
