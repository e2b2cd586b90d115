"use client";

import { useSyncExternalStore } from "react";

/**
 * What the presence status tells the editor beside it (they are siblings on
 * the page, so they meet here rather than through props): why the words are
 * read-only while someone else holds the edit lock, and a generation that
 * grows each time this person gets the lock back after someone else held it,
 * so the editor starts again from the latest saved version.
 */
export type PresenceLock = { lockedBy: string | null; generation: number };

const UNLOCKED: PresenceLock = { lockedBy: null, generation: 0 };
const locks = new Map<string, PresenceLock>();
const listeners = new Map<string, Set<() => void>>();

const keyOf = (kind: string, id: number) => `${kind}:${id}`;

export function setPresenceLock(kind: string, id: number, next: (current: PresenceLock) => PresenceLock) {
  const key = keyOf(kind, id);
  const current = locks.get(key) ?? UNLOCKED;
  const value = next(current);
  if (value.lockedBy === current.lockedBy && value.generation === current.generation) return;
  locks.set(key, value);
  listeners.get(key)?.forEach((notify) => notify());
}

/** The lock state of one item; unlocked until a heartbeat says someone else edits it. */
export function usePresenceLock(kind: string, id: number): PresenceLock {
  const key = keyOf(kind, id);
  return useSyncExternalStore(
    (notify) => {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set.add(notify));
      return () => set.delete(notify);
    },
    () => locks.get(key) ?? UNLOCKED,
    () => UNLOCKED,
  );
}
