"use client";

import type { Signatory } from "@/lib/vocabulary";

/** Ordered name + title pairs, with keyboard-reachable add, remove and move buttons. */
export function SignatoriesField({
  value,
  onChange,
  disabled,
}: {
  value: Signatory[];
  onChange: (next: Signatory[]) => void;
  disabled: boolean;
}) {
  const update = (i: number, patch: Partial<Signatory>) => onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className="field signatories-field">
      <legend>Signatories</legend>
      <p className="hint">For signed statements such as joint communiqués, in the order they sign.</p>
      {value.length === 0 && <p>No signatories.</p>}
      <ol>
        {value.map((s, i) => (
          <li key={i}>
            <label htmlFor={`sig-name-${i}`}>Name {i + 1}</label>
            <input
              id={`sig-name-${i}`}
              type="text"
              value={s.name}
              disabled={disabled}
              onChange={(e) => update(i, { name: e.target.value })}
            />
            <label htmlFor={`sig-title-${i}`}>Title {i + 1}</label>
            <input
              id={`sig-title-${i}`}
              type="text"
              value={s.title}
              disabled={disabled}
              onChange={(e) => update(i, { title: e.target.value })}
            />
            <div className="row-actions">
              <button type="button" className="button small" disabled={disabled || i === 0} onClick={() => move(i, -1)}>
                Move up<span className="visually-hidden"> signatory {i + 1}</span>
              </button>
              <button type="button" className="button small" disabled={disabled || i === value.length - 1} onClick={() => move(i, 1)}>
                Move down<span className="visually-hidden"> signatory {i + 1}</span>
              </button>
              <button
                type="button"
                className="button small danger"
                disabled={disabled}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                Remove<span className="visually-hidden"> signatory {i + 1}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="button small" disabled={disabled} onClick={() => onChange([...value, { name: "", title: "" }])}>
        Add signatory
      </button>
    </fieldset>
  );
}
