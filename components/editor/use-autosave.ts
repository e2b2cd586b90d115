"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ArticleDraftInput } from "@/lib/article-input";
import type { FormState } from "@/lib/errors";
import type { SaveResult } from "@/server/articles/studio-dto";

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; message: string; retryable: boolean; fields?: Record<string, string> }
  | { kind: "conflict"; message: string; savedBy: string | null; savedAt: string | null };

const DELAY_MS = 2_000;
const RETRY_MS = [3_000, 10_000, 30_000];

/** What the editor schedules; the hook adds the id and the version it last saw. */
type Payload = Omit<ArticleDraftInput, "id" | "version">;

/**
 * Saves a few seconds after typing stops. Nothing typed is lost: the latest
 * payload is kept in localStorage until the server confirms it, failed saves
 * are retried, and a version conflict stops saving until the person decides.
 */
export function useAutosave(options: {
  articleId: number;
  initialVersion: number;
  save: (payload: ArticleDraftInput) => Promise<FormState<SaveResult>>;
  onSaved: (result: SaveResult) => void;
  /** The server refused because the edition is no longer editable (it moved on since this page loaded). */
  onLocked?: () => void;
  /** While true nothing is sent (someone else holds the edit lock); what is pending stays pending and stored. */
  paused?: boolean;
}) {
  const { articleId, save, onSaved, onLocked } = options;
  const paused = useRef(false);
  useEffect(() => {
    paused.current = options.paused ?? false;
  }, [options.paused]);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const version = useRef(options.initialVersion);
  const pending = useRef<Payload | null>(null);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempts = useRef(0);
  const stopped = useRef(false);
  const storageKey = `koho:unsaved:${articleId}`;
  // Retries and follow-up saves call the latest flush through this ref.
  const flushRef = useRef<() => Promise<void>>(async () => {});

  const flush = useCallback(async () => {
    if (inFlight.current || stopped.current || paused.current || !pending.current) return;
    const payload = pending.current;
    pending.current = null;
    inFlight.current = true;
    setStatus({ kind: "saving" });
    let result: FormState<SaveResult>;
    try {
      result = await save({ ...payload, id: articleId, version: version.current });
    } catch {
      result = { ok: false, message: "The server could not be reached.", status: 0 };
    }
    inFlight.current = false;
    if (result.ok) {
      attempts.current = 0;
      version.current = result.data.version;
      onSaved(result.data);
      if (pending.current) {
        void flushRef.current();
      } else {
        localStorage.removeItem(storageKey);
        setStatus({ kind: "saved", at: result.data.savedAt });
      }
      return;
    }
    pending.current ??= payload; // keep the newest unsaved text
    const { details } = result;
    const message = result.message ?? "Not saved.";
    const status = result.status ?? 500;
    if (result.code === "conflict:article" && details?.currentVersion !== undefined) {
      stopped.current = true;
      setStatus({
        kind: "conflict",
        message,
        savedBy: (details.savedBy as string | null) ?? null,
        savedAt: (details.savedAt as string | null) ?? null,
      });
      return;
    }
    if (details?.locked === true) onLocked?.();
    const retryable = status === 0 || status >= 500 || status === 401;
    setStatus({ kind: "failed", message, retryable, fields: result.fields });
    if (retryable && attempts.current < RETRY_MS.length) {
      timer.current = setTimeout(() => void flushRef.current(), RETRY_MS[attempts.current++]);
    }
  }, [articleId, onLocked, onSaved, save, storageKey]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const schedule = useCallback(
    (payload: Payload) => {
      pending.current = payload;
      localStorage.setItem(storageKey, JSON.stringify({ baseVersion: version.current, payload, at: new Date().toISOString() }));
      if (stopped.current) return;
      setStatus({ kind: "dirty" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    [flush, storageKey],
  );

  const retryNow = useCallback(() => {
    attempts.current = 0;
    if (timer.current) clearTimeout(timer.current);
    void flush();
  }, [flush]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  return { status, schedule, retryNow, storageKey };
}
