"use client";

import { useEffect, useState } from "react";
import { formatTokyoDateTime } from "@/lib/dates";

export type StoredDraft = { baseVersion: number; payload: Record<string, unknown>; at: string };

/**
 * Text typed here that never reached the server (the tab closed, the network
 * dropped) is kept in this browser; offer it back when the item is reopened.
 */
export function RecoveryNotice({
  storageKey,
  currentVersion,
  onRestore,
}: {
  storageKey: string;
  currentVersion: number;
  onRestore: (payload: Record<string, unknown>) => void;
}) {
  const [stored, setStored] = useState<StoredDraft | null>(null);
  useEffect(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      // Reading browser storage can only happen after hydration.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (raw) setStored(JSON.parse(raw) as StoredDraft);
    } catch {
      localStorage.removeItem(storageKey);
    }
  }, [storageKey]);
  if (!stored) return null;
  const older = stored.baseVersion < currentVersion;
  return (
    <div className="notice recovery" role="region" aria-label="Unsaved changes">
      <p>
        This browser kept changes you made at {formatTokyoDateTime(stored.at)} that were never saved
        {older ? ", and someone has saved the item since then" : ""}.
      </p>
      <button
        type="button"
        className="button small primary"
        onClick={() => {
          onRestore(stored.payload);
          setStored(null);
        }}
      >
        Restore my unsaved changes
      </button>{" "}
      <button
        type="button"
        className="button small"
        onClick={() => {
          localStorage.removeItem(storageKey);
          setStored(null);
        }}
      >
        Discard them
      </button>
    </div>
  );
}
