import "server-only";
import { AppError } from "@/lib/errors";
import { PRESENCE_INTENTS, type PresenceIntent, type PresenceView } from "@/lib/presence";
import { requireUser } from "../auth/current-user";
import { PRESENCE_COMMANDS } from "./presence-commands";

/** Longer than any real request ({ kind, id, intent } is under 80 bytes). */
const MAX_BODY_CHARS = 1_000;

function pick(raw: unknown): { kind: keyof typeof PRESENCE_COMMANDS; intent: PresenceIntent } {
  const body = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const kind = body.kind === "list" ? "list" : "article";
  const intent = PRESENCE_INTENTS.find((i) => i === body.intent) ?? "beat";
  return { kind, intent };
}

/**
 * The presence route's body, as text, to the command it names. Each command
 * authenticates first and validates the whole body itself (a body naming an
 * unknown kind or intent is refused by that schema), so this only chooses the
 * audit action a denial is logged under. Null for a release (nothing to show).
 */
export async function handlePresenceRequest(text: string, options: { now?: Date } = {}): Promise<PresenceView | null> {
  let raw: unknown;
  try {
    if (text.length > MAX_BODY_CHARS) throw new Error("too long");
    raw = JSON.parse(text);
  } catch {
    // Signed-out callers hear 401 whatever they sent; only then is the body's shape their problem.
    await requireUser();
    throw new AppError("bad_request:request", "Send presence as a short JSON object: { kind, id, intent }.");
  }
  const { kind, intent } = pick(raw);
  return PRESENCE_COMMANDS[kind][intent](raw, options);
}
