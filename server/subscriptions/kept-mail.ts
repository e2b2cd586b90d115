import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { keptMessages } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { maskEmail } from "@/lib/subscribers/mask-email";
import { requireCapability } from "../auth/current-user";
import { getDatabase } from "../db";

/**
 * Messages the worker kept instead of sending (no SMTP_URL, as with `npm run dev`), so a new
 * user sees exactly what subscribers would get. The recipient is masked for anyone who may not
 * manage subscribers, as everywhere else in the studio.
 */

export const KEPT_MESSAGES_SHOWN = 50;

export type KeptMessageSummary = { id: number; to: string; subject: string; keptAt: string };
export type KeptMessage = KeptMessageSummary & { headers: Record<string, string>; text: string; html: string };

const idSchema = z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict();

export async function listKeptMessages(): Promise<{ messages: KeptMessageSummary[]; total: number; smtpConfigured: boolean }> {
  const user = await requireCapability("subscribers:view", "subscriber", "mail.kept_view");
  const db = await getDatabase();
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: keptMessages.id, to: keptMessages.to, subject: keptMessages.subject, keptAt: keptMessages.keptAt })
      .from(keptMessages)
      .orderBy(desc(keptMessages.keptAt), desc(keptMessages.id))
      .limit(KEPT_MESSAGES_SHOWN),
    db.select({ n: count() }).from(keptMessages),
  ]);
  const show = can(user, "subscribers:manage") ? (to: string) => to : maskEmail;
  return {
    messages: rows.map((r) => ({ ...r, to: show(r.to), keptAt: r.keptAt.toISOString() })),
    total: total?.n ?? 0,
    smtpConfigured: Boolean(env().SMTP_URL),
  };
}

export async function getKeptMessage(input: unknown): Promise<KeptMessage> {
  const user = await requireCapability("subscribers:view", "subscriber", "mail.kept_view");
  const parsed = idSchema.safeParse(input);
  if (!parsed.success) throw AppError.invalid("subscriber", parsed.error);
  const db = await getDatabase();
  const [row] = await db.select().from(keptMessages).where(eq(keptMessages.id, parsed.data.id));
  if (!row) throw new AppError("not_found:subscriber", "That kept message does not exist; only the newest few hundred are kept.");
  const to = can(user, "subscribers:manage") ? row.to : maskEmail(row.to);
  return { id: row.id, to, subject: row.subject, keptAt: row.keptAt.toISOString(), headers: row.headers, text: row.text, html: row.html };
}
