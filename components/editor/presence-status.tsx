"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { formatTokyoTime } from "@/lib/dates";
import { editingLine, presenceLockReason, takenOverLine, viewersLine, type PresenceView } from "@/lib/presence";
import { editorId } from "./editor-ids";
import { usePresenceHeartbeat } from "./presence-heartbeat";
import { setPresenceLock } from "./presence-lock-store";

type Kind = "article" | "list";

/** Where a person types first in each kind's editor (ids carry the item: components/editor/editor-ids.ts). */
const FIRST_FIELD: Record<Kind, (id: number) => string> = {
  article: (id) => editorId(id, "title"),
  list: (id) => `list-${id}-name`,
};

/** The first sentence of the status line: who holds the lock, or what just happened to mine. */
function statusLine(view: PresenceView | null, lost: boolean, note: string | null): string {
  if (!view) return "";
  if (view.lock?.mine) return note ?? "";
  if (view.takenFromMe) return takenOverLine(view.takenFromMe);
  if (view.lock) return editingLine(view.lock);
  return lost ? "Nobody is editing now." : "";
}

/**
 * Who else has this item open, and the soft edit lock: while someone else
 * holds it the words beside are read-only for me (through presence-lock-store)
 * and I can take over with one click. The person who loses the lock keeps
 * their unsaved words on screen, read-only, and is not handed the lock back
 * behind their back: they take over again when they choose.
 */
export function PresenceStatus({ kind, id }: { kind: Kind; id: number }) {
  const router = useRouter();
  const [view, setView] = useState<PresenceView | null>(null);
  const [lost, setLost] = useState(false);
  // What changed when the lock became mine ("You took over editing at 14:05."), said once in the live region.
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  // What the last answers meant, read by the next one: did I hold it, am I blocked, must I unlock after a refresh.
  const was = useRef({ held: false, blocked: false, lost: false, unlockAfterRefresh: false, tookOver: false });

  const apply = useCallback(
    (next: PresenceView) => {
      const s = was.current;
      const otherHolds = !!next.lock && !next.lock.mine;
      if (otherHolds) {
        if (s.held) s.lost = true;
        s.blocked = true;
        setPresenceLock(kind, id, (c) => ({ ...c, lockedBy: presenceLockReason(next) }));
      } else if (s.blocked && (next.lock?.mine || !s.lost)) {
        // The lock is mine (or free for me) after someone else's: read their saved words before typing over them.
        s.blocked = false;
        s.lost = false;
        s.unlockAfterRefresh = true;
        setNote(
          s.tookOver
            ? `You took over editing at ${formatTokyoTime(new Date())}.`
            : "Nobody else is editing now: you can edit, starting from the latest saved version.",
        );
        startRefresh(() => router.refresh());
      }
      s.held = !!next.lock?.mine;
      setLost(s.lost);
      setView(next);
    },
    [kind, id, router],
  );
  const send = usePresenceHeartbeat(kind, id, () => (was.current.lost ? "watch" : "beat"), apply);

  useEffect(() => {
    if (refreshing || !was.current.unlockAfterRefresh) return;
    was.current.unlockAfterRefresh = false;
    setPresenceLock(kind, id, (c) => ({ lockedBy: null, generation: c.generation + 1 }));
    // The editor starts again from the saved words. After "Take over editing" (and only then:
    // focus never moves by itself) put the person where they type.
    if (was.current.tookOver) requestAnimationFrame(() => document.getElementById(FIRST_FIELD[kind](id))?.focus());
    was.current.tookOver = false;
  }, [refreshing, kind, id]);

  // Leaving the editor: the next one to open this item starts unlocked until its own first beat.
  useEffect(() => () => setPresenceLock(kind, id, (c) => ({ ...c, lockedBy: null })), [kind, id]);

  const takeOver = async () => {
    setBusy(true);
    setError(null);
    was.current.lost = false;
    was.current.tookOver = true;
    const result = await send("take_over");
    setBusy(false);
    if (!result.ok) {
      was.current.tookOver = false;
      setError(result.message ?? "Could not take over editing.");
    }
  };

  const line = refreshing ? "Loading the latest saved version…" : statusLine(view, lost, note);
  const others = viewersLine(view?.viewers ?? []);
  const canTakeOver = !!view?.canEdit && !view.lock?.mine && (!!view.lock || lost);
  const visible = !!(line || others || error || canTakeOver);
  return (
    <section className={visible ? "notice presence" : "presence"} aria-label="Who else is here">
      <p role="status" className="presence-line">
        {line}
        {error && <span className="field-error"> {error}</span>}
      </p>
      {lost && <p>Anything you had not saved stays below, read-only, to copy; take over editing and this browser offers it back.</p>}
      {others && <p>{others}</p>}
      {canTakeOver && (
        <p>
          <button type="button" className="button small" onClick={() => void takeOver()} disabled={busy || refreshing}>
            Take over editing
          </button>
        </p>
      )}
    </section>
  );
}
