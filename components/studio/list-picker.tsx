"use client";

import { useEffect, useId, useState } from "react";

export type PickerItem = { id: number; title: string; datelineDate: string };

/** Search-as-you-type over published items; each result is an "Add" button. */
export function ListPicker({ onPick, taken }: { onPick: (item: PickerItem) => void; taken: Set<number> }) {
  const id = useId();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<PickerItem[]>([]);
  const [status, setStatus] = useState("");

  useEffect(() => {
    const term = q.trim();
    if (!term) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/studio/articles/search?q=${encodeURIComponent(term)}`, { signal: controller.signal });
        const body = (await res.json()) as { items?: PickerItem[]; message?: string };
        if (!res.ok) {
          setItems([]);
          setStatus(body.message ?? "The search failed.");
          return;
        }
        setItems(body.items ?? []);
        setStatus(
          body.items?.length
            ? `${body.items.length} published item${body.items.length === 1 ? "" : "s"} found.`
            : "No published item matches.",
        );
      } catch (error) {
        if ((error as Error).name !== "AbortError") setStatus("The search failed; try again.");
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  return (
    <div className="list-picker field">
      <label htmlFor={`${id}-q`}>Find a published news item</label>
      <input
        id={`${id}-q`}
        type="search"
        value={q}
        autoComplete="off"
        onChange={(e) => {
          setQ(e.target.value);
          if (!e.target.value.trim()) {
            setItems([]);
            setStatus("");
          }
        }}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} role="status" className="hint">
        {status}
      </p>
      <ul className="list-picker-results" aria-label="Search results">
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" className="button small" disabled={taken.has(item.id)} onClick={() => onPick(item)}>
              Add <span className="visually-hidden">“{item.title}”</span>
            </button>{" "}
            {item.title} <span className="hint">({item.datelineDate})</span>
            {taken.has(item.id) && <span className="hint"> — already on the list</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
