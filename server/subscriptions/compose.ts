import "server-only";
import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { outboxEvents, subscribers, type OutboxEventRow, type OutboxSnapshot, type SubscriberRow } from "@/db/schema";
import { formatDateline, tokyoDateOf } from "@/lib/dates";
import { env, siteName } from "@/lib/env";
import { localizedPath } from "@/lib/languages";
import { renderConfirmation, renderDigest, renderItemMail, type MailItem, type RenderedMail } from "@/lib/mail/messages";
import type { MailKind } from "@/lib/vocabulary";
import { CONFIRM_LINK_LIFETIME_MS, confirmToken, manageToken } from "./tokens";
import type { OutgoingMail } from "./transport";

export type ClaimedDelivery = {
  id: number;
  kind: MailKind;
  subscriberId: number;
  eventId: number | null;
  digestEventIds: number[] | null;
  /** Hand-overs tried, this one included. */
  attempts: number;
  createdAt: Date;
};

/** Everything a batch of messages is made from, read in two queries however large the batch. */
export async function loadBatchContext(db: Database, batch: ClaimedDelivery[]) {
  const subscriberIds = [...new Set(batch.map((d) => d.subscriberId))];
  const eventIds = [...new Set(batch.flatMap((d) => [...(d.eventId ? [d.eventId] : []), ...(d.digestEventIds ?? [])]))];
  const [people, events] = await Promise.all([
    subscriberIds.length ? db.select().from(subscribers).where(inArray(subscribers.id, subscriberIds)) : [],
    eventIds.length ? db.select().from(outboxEvents).where(inArray(outboxEvents.id, eventIds)) : [],
  ]);
  return { subscribers: new Map(people.map((p) => [p.id, p])), events: new Map(events.map((e) => [e.id, e])) };
}

function absolute(language: string, path: string): string {
  return new URL(localizedPath(env().SITE_LANGUAGES, language, path), env().SITE_URL).toString();
}

function formatDate(iso: string, language: string): string {
  const info = env().SITE_LANGUAGES.find((l) => l.code === language) ?? env().SITE_LANGUAGES[0]!;
  return formatDateline(tokyoDateOf(new Date(iso)), info);
}

function mailItem(snapshot: OutboxSnapshot, language: string): MailItem {
  return {
    title: snapshot.title,
    summary: snapshot.summary,
    url: absolute(language, `/news/${snapshot.slug}`),
    categoryName: snapshot.categoryName,
    date: formatDate(snapshot.date, language),
    changeNote: snapshot.changeNote,
    withdrawalNote: snapshot.withdrawalNote,
  };
}

/**
 * The message for one delivery, or why there is none to send: the address was unsubscribed
 * meanwhile, or confirmed by an earlier link (a second confirmation would be noise).
 * The Message-ID is the delivery's own, the same on every retry, so a receiving system can
 * tell a repeat hand-over from a new message.
 */
export function composeMail(
  delivery: ClaimedDelivery,
  context: { subscribers: Map<number, SubscriberRow>; events: Map<number, OutboxEventRow> },
): OutgoingMail | { skip: string } {
  const subscriber = context.subscribers.get(delivery.subscriberId);
  if (!subscriber) return { skip: "The address was unsubscribed before this was sent." };
  const { language } = subscriber;
  const site = siteName(language).name;
  const host = new URL(env().SITE_URL).hostname;
  const base = { deliveryId: delivery.id, to: subscriber.email, messageId: `<koho.${delivery.id}@${host}>` };
  if (delivery.kind === "confirm") {
    if (subscriber.status === "confirmed") return { skip: "The address was already confirmed." };
    const expires = new Date(delivery.createdAt.getTime() + CONFIRM_LINK_LIFETIME_MS);
    const rendered = renderConfirmation({
      language,
      siteName: site,
      confirmUrl: absolute(language, `/email/confirm/${confirmToken(subscriber, expires)}`),
    });
    return { ...base, ...rendered, headers: { "Auto-Submitted": "auto-generated" } };
  }
  if (subscriber.status !== "confirmed") return { skip: "The address is not confirmed." };
  const token = manageToken(subscriber);
  const unsubscribeUrl = new URL(`/email/unsubscribe/${token}`, env().SITE_URL).toString();
  const frame = { language, siteName: site, manageUrl: absolute(language, `/email/manage/${token}`), unsubscribeUrl };
  let rendered: RenderedMail;
  if (delivery.kind === "digest") {
    const snapshots = (delivery.digestEventIds ?? []).map((id) => context.events.get(id)).filter((e): e is OutboxEventRow => !!e);
    if (snapshots.length === 0) return { skip: "Nothing left to tell in this digest." };
    const items = snapshots.sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime()).map((e) => mailItem(e.snapshot, language));
    rendered = renderDigest(items, { ...frame, date: formatDate(new Date().toISOString(), language) });
  } else {
    const event = delivery.eventId ? context.events.get(delivery.eventId) : undefined;
    if (!event) return { skip: "The event this message told of is gone." };
    rendered = renderItemMail(delivery.kind, mailItem(event.snapshot, language), frame);
  }
  return {
    ...base,
    ...rendered,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": `<news.${host}>`,
      Precedence: "bulk",
      "Auto-Submitted": "auto-generated",
    },
  };
}
