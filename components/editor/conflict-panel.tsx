"use client";

import { useState } from "react";
import { formatTokyoDateTime } from "@/lib/dates";
import type { SaveStatus } from "./use-autosave";

/** Someone else saved first: say who and when, keep this person's text, let them choose. */
export function ConflictPanel({
  status,
  copyText,
}: {
  status: Extract<SaveStatus, { kind: "conflict" }>;
  storageKey: string;
  copyText: () => string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="form-error conflict" role="alert">
      <p>
        {status.savedBy ?? "Someone"} saved this item{status.savedAt ? ` at ${formatTokyoDateTime(status.savedAt)}` : ""} after you opened
        it, so your latest changes were not saved. Your text is still here and kept in this browser.
      </p>
      <button type="button" className="button small" onClick={() => window.location.reload()}>
        Reload their version
      </button>{" "}
      <button
        type="button"
        className="button small"
        onClick={async () => {
          await navigator.clipboard.writeText(copyText());
          setCopied(true);
        }}
      >
        Copy my text
      </button>
      {copied && <span role="status"> Copied.</span>}
    </div>
  );
}
