"use client";

import { useCallback, useEffect, useRef } from "react";
import { PRESENCE_HEARTBEAT_MS, type PresenceIntent, type PresenceView } from "@/lib/presence";

const URL = "/api/studio/presence";
type Kind = "article" | "list";

/**
 * Says "still here" at once and then every heartbeat while the tab is
 * visible, and "leaving" on pagehide (sendBeacon, which outlives the page) or
 * when the editor unmounts (fetch keepalive). Answers older than the newest one
 * applied are dropped, so a slow beat cannot undo a take-over.
 */
export function usePresenceHeartbeat(kind: Kind, id: number, intentForBeat: () => PresenceIntent, onView: (view: PresenceView) => void) {
  const sent = useRef(0);
  const applied = useRef(0);
  const latest = useRef({ intentForBeat, onView });
  useEffect(() => {
    latest.current = { intentForBeat, onView };
  });

  const send = useCallback(
    async (intent: PresenceIntent): Promise<{ ok: boolean; message?: string }> => {
      const seq = ++sent.current;
      try {
        const response = await fetch(URL, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ kind, id, intent }),
        });
        const body = (await response.json()) as PresenceView | { error: { message: string } };
        if ("error" in body) return { ok: false, message: body.error.message };
        if (seq > applied.current) {
          applied.current = seq;
          latest.current.onView(body);
        }
        return { ok: true };
      } catch {
        return { ok: false, message: "The server could not be reached." };
      }
    },
    [kind, id],
  );

  useEffect(() => {
    applied.current = sent.current;
    const beat = () => {
      if (document.visibilityState === "visible") void send(latest.current.intentForBeat());
    };
    const release = JSON.stringify({ kind, id, intent: "release" });
    const onPageHide = () => navigator.sendBeacon(URL, new Blob([release], { type: "application/json" }));
    beat();
    const timer = setInterval(beat, PRESENCE_HEARTBEAT_MS);
    document.addEventListener("visibilitychange", beat);
    window.addEventListener("pageshow", beat);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", beat);
      window.removeEventListener("pageshow", beat);
      window.removeEventListener("pagehide", onPageHide);
      applied.current = Number.MAX_SAFE_INTEGER; // answers still on their way belong to an editor that is gone
      // Leaving the editor inside the studio (no pagehide): best effort, the stale period covers a lost request.
      void fetch(URL, { method: "POST", headers: { "content-type": "application/json" }, body: release, keepalive: true }).catch(() => {});
    };
  }, [kind, id, send]);

  return send;
}
