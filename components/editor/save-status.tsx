"use client";

import { formatTokyoTime } from "@/lib/dates";
import type { SaveStatus } from "./use-autosave";

export function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  let text = "";
  if (status.kind === "dirty") text = "Unsaved changes";
  if (status.kind === "saving") text = "Saving…";
  if (status.kind === "saved") text = `Saved at ${formatTokyoTime(status.at)} JST`;
  if (status.kind === "failed") text = `Not saved — ${status.message}`;
  return (
    <div className="save-status">
      <p role="status" aria-live="polite" className={status.kind === "failed" ? "field-error" : undefined}>
        {text}
      </p>
      {status.kind === "failed" && (
        <button type="button" className="button small" onClick={onRetry}>
          Retry now
        </button>
      )}
    </div>
  );
}
