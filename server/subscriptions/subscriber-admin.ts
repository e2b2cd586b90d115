import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { keptMessages, subscribers } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { maskEmail, normalizeEmail } from "@/lib/subscribers/mask-email";
import type { AuditAction } from "@/lib/audit-actions";
import { recordAudit } from "../audit";
import { requireCapability, type CurrentUser } from "../auth/current-user";
import { defineCommand } from "../command";
import { getDatabase } from "../db";
import {
  countDeliveries,
  loadSubscriberRow,
  selectDeliveries,
  selectKeptCopies,
  selectProfile,
  type KeptCopy,
  type SubscriberDelivery,
  type SubscriberProfile,
} from "./subscriber-records";

/**
 * Administrators answering a privacy request: find an address, see, export or delete what is
 * held about it. Every look at one person's data is in the audit log, with the address masked:
 * the log is kept for a year, longer than a deleted subscriber's address may be.
 */

const subscriberId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const idSchema = z.object({ id: subscriberId }).strict();
const findSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, "Enter the subscriber's e-mail address")
      .max(320, "An e-mail address is at most 320 characters")
      .email("Enter a whole e-mail address, such as name@example.jp"),
  })
  .strict();

/** Shown on screen: the newest deliveries; the export carries every one. */
export const RECORD_DELIVERIES_SHOWN = 100;

export type SubscriberRecord = {
  profile: SubscriberProfile;
  deliveries: SubscriberDelivery[];
  deliveryCount: number;
  keptMessages: number;
};

export type SubscriberExport = {
  exportedAt: string;
  note: string;
  subscriber: SubscriberProfile;
  deliveries: SubscriberDelivery[];
  keptMessages: KeptCopy[];
};

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw AppError.invalid("subscriber", parsed.error);
  return parsed.data;
}

async function audit(user: CurrentUser, action: AuditAction, id: number | undefined, details: Record<string, unknown>) {
  await recordAudit(await getDatabase(), {
    actor: user,
    action,
    outcome: "ok",
    targetType: id === undefined ? undefined : "subscriber",
    targetId: id,
    details,
  });
}

/** Finds a subscriber by exact address (as stored: trimmed, lower case); null when none has it. */
export async function findSubscriberByEmail(input: unknown): Promise<{ id: number } | null> {
  const user = await requireCapability("subscribers:manage", "subscriber", "subscribers.find");
  const email = normalizeEmail(parse(findSchema, input).email);
  const db = await getDatabase();
  const [row] = await db.select({ id: subscribers.id }).from(subscribers).where(eq(subscribers.email, email));
  await audit(user, "subscribers.find", row?.id, { address: maskEmail(email), found: Boolean(row) });
  return row ?? null;
}

/** What the studio shows an administrator about one subscriber. */
export async function getSubscriberRecord(input: unknown): Promise<SubscriberRecord> {
  const user = await requireCapability("subscribers:manage", "subscriber", "subscribers.view");
  const { id } = parse(idSchema, input);
  const db = await getDatabase();
  const row = await loadSubscriberRow(db, id);
  const [profile, deliveries, deliveryCount, kept] = await Promise.all([
    selectProfile(db, row),
    selectDeliveries(db, id, RECORD_DELIVERIES_SHOWN),
    countDeliveries(db, id),
    selectKeptCopies(db, row.email),
  ]);
  await audit(user, "subscribers.view", id, { address: maskEmail(row.email) });
  return { profile, deliveries, deliveryCount, keptMessages: kept.length };
}

/** Everything held about the address, as one document for the person who asked for it. */
export async function exportSubscriberData(input: unknown, { now = new Date() }: { now?: Date } = {}): Promise<SubscriberExport> {
  const user = await requireCapability("subscribers:manage", "subscriber", "subscribers.export");
  const { id } = parse(idSchema, input);
  const db = await getDatabase();
  const row = await loadSubscriberRow(db, id);
  const [subscriber, deliveries, kept] = await Promise.all([
    selectProfile(db, row),
    selectDeliveries(db, id),
    selectKeptCopies(db, row.email),
  ]);
  await audit(user, "subscribers.export", id, { address: maskEmail(row.email), deliveries: deliveries.length, keptMessages: kept.length });
  return {
    exportedAt: now.toISOString(),
    note:
      "Everything this newsroom holds about this e-mail address: the subscription, every message sent or queued to it, " +
      "and copies of messages kept instead of sent. Nothing else is held; deleting the subscription removes all of it.",
    subscriber,
    deliveries,
    keptMessages: kept,
  };
}

const deleteCommand = defineCommand({
  action: "subscribers.delete",
  surface: "subscriber",
  capability: "subscribers:manage",
  input: idSchema,
  authorize: async ({ input, db }) => loadSubscriberRow(db, input.id),
  target: (input) => ({ type: "subscriber", id: input.id }),
  run: async ({ resource, tx, note }) => {
    // Categories and deliveries go with the row (ON DELETE CASCADE); kept copies name the address, not the row.
    const kept = await tx.delete(keptMessages).where(eq(keptMessages.to, resource.email)).returning({ id: keptMessages.id });
    const deleted = await tx.delete(subscribers).where(eq(subscribers.id, resource.id)).returning({ id: subscribers.id });
    if (deleted.length === 0) throw new AppError("not_found:subscriber", "This subscriber was already deleted.");
    note({ address: maskEmail(resource.email), keptMessages: kept.length });
    return { address: maskEmail(resource.email) };
  },
});

/** Deletes the subscriber and everything held about the address (privacy law's right to erasure). */
export async function deleteSubscriber(input: unknown): Promise<{ address: string }> {
  return deleteCommand(input);
}
