import { describe, expect, it } from "vitest";
import {
  PRESENCE_HEARTBEAT_MS,
  PRESENCE_STALE_MS,
  editingLine,
  isStale,
  presenceLockReason,
  presenceRequestSchema,
  takenOverLine,
  viewersLine,
  type PresenceView,
} from "@/lib/presence";

const now = new Date("2026-12-01T05:05:00Z"); // 14:05 in Tokyo
const lock = { holder: "Kenji Editor", since: "2026-12-01T05:02:00Z", mine: false };
const view = (patch: Partial<PresenceView>): PresenceView => ({ canEdit: true, lock, takenFromMe: null, viewers: [], ...patch });

describe("presence rules", () => {
  it("a lock outlives a few missed heartbeats, then is stale", () => {
    expect(PRESENCE_STALE_MS).toBeGreaterThanOrEqual(3 * PRESENCE_HEARTBEAT_MS);
    expect(isStale(new Date(now.getTime() - PRESENCE_STALE_MS), now)).toBe(false);
    expect(isStale(new Date(now.getTime() - PRESENCE_STALE_MS - 1), now)).toBe(true);
    expect(isStale(now, now)).toBe(false);
  });

  it("says who edits since when and who took over, in Tokyo time on a 24-hour clock", () => {
    expect(editingLine(lock)).toBe("Kenji Editor is editing — since 14:02");
    expect(editingLine({ holder: "Aiko Admin", since: "2026-12-01T15:30:00Z" })).toBe("Aiko Admin is editing — since 00:30");
    expect(takenOverLine({ by: "Kenji Editor", at: now.toISOString() })).toBe("Kenji Editor took over editing at 14:05");
  });

  it("names everyone else who is here", () => {
    expect(viewersLine([])).toBeNull();
    expect(viewersLine(["Perri Publisher"])).toBe("Also here: Perri Publisher");
    expect(viewersLine(["A", "B", "C"])).toBe("Also here: A, B and C");
  });

  it("locks the words only while someone else holds the lock, and says why", () => {
    expect(presenceLockReason(null)).toBeNull();
    expect(presenceLockReason(view({ lock: null }))).toBeNull();
    expect(presenceLockReason(view({ lock: { ...lock, mine: true } }))).toBeNull();
    expect(presenceLockReason(view({}))).toBe(
      "Kenji Editor is editing — since 14:02. The words are read-only for you until you take over editing.",
    );
    expect(presenceLockReason(view({ canEdit: false }))).toBe(
      "Kenji Editor is editing — since 14:02. The words are read-only while they edit.",
    );
    expect(presenceLockReason(view({ takenFromMe: { by: "Kenji Editor", at: now.toISOString() } }))).toMatch(
      /^Kenji Editor took over editing at 14:05\./,
    );
  });

  it("accepts exactly { kind, id, intent }", () => {
    expect(presenceRequestSchema.safeParse({ kind: "article", id: 3, intent: "beat" }).success).toBe(true);
    expect(presenceRequestSchema.safeParse({ kind: "list", id: 3, intent: "take_over" }).success).toBe(true);
    for (const bad of [
      { kind: "page", id: 3, intent: "beat" },
      { kind: "article", id: 0, intent: "beat" },
      { kind: "article", id: "3", intent: "beat" },
      { kind: "article", id: 3, intent: "steal" },
      { kind: "article", id: 3, intent: "beat", holderId: 1 },
    ]) {
      expect(presenceRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
