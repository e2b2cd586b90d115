import { z } from "zod";
import { formatTokyoTime } from "./dates";

/** How often an open, visible editor says it is still there. */
export const PRESENCE_HEARTBEAT_MS = 10_000;
/** A lock or a viewer not heard from for this long has gone (three missed beats: a slow network is not a departure). */
export const PRESENCE_STALE_MS = 30_000;

/**
 * beat: "still here", claiming the lock if it is free or stale; watch: "still here", never claiming
 * (the person whose lock was taken stays read-only until they choose to take it back);
 * take_over: claim it from whoever holds it; release: leaving.
 */
export const PRESENCE_INTENTS = ["beat", "watch", "take_over", "release"] as const;
export type PresenceIntent = (typeof PRESENCE_INTENTS)[number];

/** The one request body the presence route accepts: `{ kind, id, intent }`, nothing else. */
export const presenceRequestSchema = z
  .object({
    kind: z.enum(["article", "list"]),
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    intent: z.enum(PRESENCE_INTENTS),
  })
  .strict();
export type PresenceRequest = z.infer<typeof presenceRequestSchema>;

/** What the server tells an open editor about the item: names only, never account details. */
export type PresenceView = {
  /** Whether this person may hold the lock (and so take it over). */
  canEdit: boolean;
  lock: { holder: string; since: string; mine: boolean } | null;
  /** Set when the current holder took the lock from this person. */
  takenFromMe: { by: string; at: string } | null;
  /** Everyone else with the item open, holder excluded. */
  viewers: string[];
};

/** Heartbeats older than this instant are stale. */
export function staleBefore(now: Date): Date {
  return new Date(now.getTime() - PRESENCE_STALE_MS);
}

export function isStale(heartbeatAt: Date, now: Date): boolean {
  return heartbeatAt.getTime() < staleBefore(now).getTime();
}

/** "Kenji Editor is editing — since 14:02" (Tokyo time, 24 h). */
export function editingLine(lock: { holder: string; since: string }): string {
  return `${lock.holder} is editing — since ${formatTokyoTime(lock.since)}`;
}

/** "Kenji Editor took over editing at 14:05". */
export function takenOverLine(taken: { by: string; at: string }): string {
  return `${taken.by} took over editing at ${formatTokyoTime(taken.at)}`;
}

/** "Also here: A, B and C", or null when nobody else is. */
export function viewersLine(viewers: readonly string[]): string | null {
  if (viewers.length === 0) return null;
  const names = viewers.length === 1 ? viewers[0] : `${viewers.slice(0, -1).join(", ")} and ${viewers.at(-1)}`;
  return `Also here: ${names}`;
}

/**
 * The sentence the read-only words are described by while someone else holds
 * the lock, or null when this person may type (they hold it, or nobody does).
 */
export function presenceLockReason(view: PresenceView | null): string | null {
  if (!view?.lock || view.lock.mine) return null;
  const start = view.takenFromMe ? takenOverLine(view.takenFromMe) : editingLine(view.lock);
  return view.canEdit
    ? `${start}. The words are read-only for you until you take over editing.`
    : `${start}. The words are read-only while they edit.`;
}
