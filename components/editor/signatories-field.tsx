"use client";

import { useEffect, useRef, useState } from "react";
import type { Signatory } from "@/lib/vocabulary";

/**
 * Ordered name + title pairs, with keyboard-reachable add, remove and move buttons. Each of them moves
 * focus to where the next action is (the new Name field, the row that took a removed one's place, the
 * moved row's button) and says what happened in a polite live region.
 */
export function SignatoriesField({
  value,
  onChange,
  disabled,
  idOf,
  lang,
}: {
  value: Signatory[];
  onChange: (next: Signatory[]) => void;
  disabled: boolean;
  /** The item's id for a field name (components/editor/editor-ids.ts): two items' editors can share the document. */
  idOf: (name: string) => string;
  /** The language of the item's words: names and titles are written in it. */
  lang?: string;
}) {
  const nameId = (i: number) => idOf(`sig-name-${i}`);
  const ADD_SIGNATORY_ID = idOf("sig-add");
  const [announcement, setAnnouncement] = useState("");
  // The element to focus once the parent has re-rendered with the new list (the field does not exist before).
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });
  const change = (next: Signatory[], focusId: string, said: string) => {
    focusNext.current = focusId;
    setAnnouncement(said);
    onChange(next);
  };
  const update = (i: number, patch: Partial<Signatory>) => onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    const to = i + by;
    // The same button on the moved row, unless it reached the end; then the other direction's button.
    const edge = (by < 0 && to === 0) || (by > 0 && to === next.length - 1);
    change(next, idOf(`sig-${(edge ? -by : by) < 0 ? "up" : "down"}-${to}`), `Signatory moved to position ${to + 1} of ${next.length}.`);
  };
  const remove = (i: number) => {
    const next = value.filter((_, j) => j !== i);
    const focusId = next.length === 0 ? ADD_SIGNATORY_ID : nameId(Math.min(i, next.length - 1));
    change(next, focusId, `Signatory ${i + 1} removed. ${next.length === 1 ? "1 signatory" : `${next.length} signatories`} left.`);
  };
  return (
    <fieldset className="field signatories-field">
      <legend>Signatories</legend>
      <p className="hint">For signed statements such as joint communiqués, in the order they sign.</p>
      <p role="status" aria-live="polite" className="visually-hidden" data-testid="signatories-announcer">
        {announcement}
      </p>
      {value.length === 0 && <p>No signatories.</p>}
      <ol>
        {value.map((s, i) => (
          <li key={i}>
            <label htmlFor={nameId(i)}>Name {i + 1}</label>
            <input
              id={nameId(i)}
              type="text"
              value={s.name}
              lang={lang}
              disabled={disabled}
              onChange={(e) => update(i, { name: e.target.value })}
            />
            <label htmlFor={idOf(`sig-title-${i}`)}>Title {i + 1}</label>
            <input
              id={idOf(`sig-title-${i}`)}
              type="text"
              value={s.title}
              lang={lang}
              disabled={disabled}
              onChange={(e) => update(i, { title: e.target.value })}
            />
            <div className="row-actions">
              <button
                id={idOf(`sig-up-${i}`)}
                type="button"
                className="button small"
                disabled={disabled || i === 0}
                onClick={() => move(i, -1)}
              >
                Move up<span className="visually-hidden"> signatory {i + 1}</span>
              </button>
              <button
                id={idOf(`sig-down-${i}`)}
                type="button"
                className="button small"
                disabled={disabled || i === value.length - 1}
                onClick={() => move(i, 1)}
              >
                Move down<span className="visually-hidden"> signatory {i + 1}</span>
              </button>
              <button type="button" className="button small danger" disabled={disabled} onClick={() => remove(i)}>
                Remove<span className="visually-hidden"> signatory {i + 1}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        id={ADD_SIGNATORY_ID}
        type="button"
        className="button small secondary"
        disabled={disabled}
        onClick={() => change([...value, { name: "", title: "" }], nameId(value.length), `Signatory ${value.length + 1} added.`)}
      >
        Add signatory
      </button>
    </fieldset>
  );
}
