"use client";

import { useMemo, useRef, useState, useTransition } from "react";
import type { FormState } from "@/lib/errors";
import type { ListForEditing } from "@/server/lists/for-editing";
import { usePresenceLock } from "../editor/presence-lock-store";
import { ListExternalForm } from "./list-external-form";
import { ListPicker } from "./list-picker";

type Entry = ListForEditing["entries"][number];
type Save = (input: unknown) => Promise<FormState<{ version: number; editionNumber: number }>>;

const keyOf = (e: Entry) => (e.kind === "article" ? `a${e.articleId}` : `u${e.url}`);

/**
 * The list's draft: picked items in order, moved by drag or by the Move
 * up/down buttons (each move is announced), removed, or added from the
 * picker or as an external link. Saved explicitly, checked in server/.
 */
type Props = { list: ListForEditing; save: Save; lockReason: string | null };

/**
 * Read-only while someone else holds the edit lock (components/editor/presence-status.tsx on the
 * page), and started again from the page's latest data each time the lock comes back.
 */
export function ListEditor(props: Props) {
  const { lockedBy, generation } = usePresenceLock("list", props.list.id);
  return <ListEditorSession key={generation} {...props} lockReason={props.lockReason ?? lockedBy} />;
}

function ListEditorSession({ list, save, lockReason }: Props) {
  const editable = lockReason === null;
  const [entries, setEntries] = useState<Entry[]>(list.entries);
  const [name, setName] = useState(list.edition.name);
  const [maxItems, setMaxItems] = useState(list.edition.maxItems);
  const [fill, setFill] = useState(list.edition.fillFromCategory);
  // The version this editor last saved or loaded; a refresh after our own save must not look like someone else's.
  const [version, setVersion] = useState(list.version);
  const [announcement, setAnnouncement] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const dragFrom = useRef<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const taken = useMemo(() => new Set(entries.flatMap((e) => (e.kind === "article" ? [e.articleId] : []))), [entries]);
  const dirty =
    JSON.stringify([entries, name, maxItems, fill]) !==
    JSON.stringify([list.entries, list.edition.name, list.edition.maxItems, list.edition.fillFromCategory]);

  function move(from: number, to: number, focus?: "up" | "down") {
    if (to < 0 || to >= entries.length || from === to) return;
    const next = [...entries];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    setEntries(next);
    setAnnouncement(`Moved “${item!.title}” to position ${to + 1} of ${next.length}.`);
    if (focus) {
      requestAnimationFrame(() => {
        const row = listRef.current?.children[to];
        const wanted =
          row?.querySelector<HTMLButtonElement>(`button[data-move="${focus}"]:not(:disabled)`) ??
          row?.querySelector<HTMLButtonElement>("button[data-move]:not(:disabled)");
        wanted?.focus();
      });
    }
  }

  function remove(index: number) {
    const item = entries[index]!;
    setEntries(entries.filter((_, i) => i !== index));
    setAnnouncement(`Removed “${item.title}”. ${entries.length - 1} items left.`);
  }

  function add(entry: Entry) {
    setEntries([...entries, entry]);
    setAnnouncement(`Added “${entry.title}” at position ${entries.length + 1} of ${entries.length + 1}.`);
  }

  function onSave() {
    startTransition(async () => {
      const payload = {
        listId: list.id,
        version,
        name,
        maxItems,
        fillFromCategory: fill,
        entries: entries.map((e) =>
          e.kind === "article"
            ? { kind: "article", articleId: e.articleId }
            : { kind: "external", url: e.url, title: e.title, date: e.date },
        ),
      };
      const result = await save(payload);
      if (result.ok) setVersion(result.data.version);
      setMessage(
        result.ok ? { ok: true, text: `Saved edition ${result.data.editionNumber}.` } : { ok: false, text: result.message ?? "Not saved." },
      );
    });
  }

  return (
    <section aria-labelledby={`list-${list.id}-entries-heading`} className="list-editor">
      <div className="field">
        <label htmlFor={`list-${list.id}-name`}>Name</label>
        <input id={`list-${list.id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} disabled={!editable} />
      </div>
      <div className="field">
        <label htmlFor={`list-${list.id}-max`}>Number of items shown (1–20)</label>
        <input
          id={`list-${list.id}-max`}
          type="number"
          min={1}
          max={20}
          value={maxItems}
          onChange={(e) => setMaxItems(Number(e.target.value))}
          disabled={!editable}
        />
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={fill} onChange={(e) => setFill(e.target.checked)} disabled={!editable} /> Fill the rest with the
          latest items of the same category
        </label>
      </div>
      <h2 id={`list-${list.id}-entries-heading`}>
        Picked items ({entries.length} of at most {maxItems})
      </h2>
      <p aria-live="polite" role="status" className="visually-hidden" data-testid="list-announcer">
        {announcement}
      </p>
      {entries.length === 0 && <p>No items picked yet.</p>}
      <ol className="list-entries" ref={listRef} aria-labelledby={`list-${list.id}-entries-heading`}>
        {entries.map((e, i) => (
          <li
            key={keyOf(e)}
            draggable={editable}
            onDragStart={() => (dragFrom.current = i)}
            onDragOver={(ev) => ev.preventDefault()}
            onDrop={(ev) => {
              ev.preventDefault();
              if (dragFrom.current !== null) move(dragFrom.current, i);
              dragFrom.current = null;
            }}
          >
            {editable && (
              <span className="drag-handle" aria-hidden="true">
                ⠿
              </span>
            )}
            <span className="entry-text">
              {i + 1}. {e.title} <span className="hint">({e.datelineDate})</span>
              {e.kind === "external" && <span className="hint"> — external link</span>}
              {!e.isPublic && <span className="not-public"> — no longer public</span>}
            </span>
            {editable && (
              <>
                <button
                  type="button"
                  className="button small"
                  data-move="up"
                  disabled={i === 0}
                  onClick={() => move(i, i - 1, "up")}
                  aria-label={`Move “${e.title}” up`}
                >
                  Move up
                </button>
                <button
                  type="button"
                  className="button small"
                  data-move="down"
                  disabled={i === entries.length - 1}
                  onClick={() => move(i, i + 1, "down")}
                  aria-label={`Move “${e.title}” down`}
                >
                  Move down
                </button>
                <button type="button" className="button small danger" onClick={() => remove(i)} aria-label={`Remove “${e.title}”`}>
                  Remove
                </button>
              </>
            )}
          </li>
        ))}
      </ol>
      {editable && (
        <>
          <ListPicker
            taken={taken}
            onPick={(item) =>
              add({ kind: "article", articleId: item.id, title: item.title, datelineDate: item.datelineDate, isPublic: true })
            }
          />
          <ListExternalForm onAdd={(link) => add({ kind: "external", ...link, datelineDate: link.date, isPublic: true })} />
          <button type="button" className="button primary" onClick={onSave} disabled={pending || !dirty} aria-busy={pending || undefined}>
            Save draft
          </button>
          {dirty && <p className="hint">Unsaved changes: save before sending the list for review.</p>}
        </>
      )}
      {lockReason && <p className="notice">{lockReason}</p>}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? undefined : "form-error"}>
          {message.text}
        </p>
      )}
    </section>
  );
}
