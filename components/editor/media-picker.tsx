"use client";

import { useEffect, useId, useState } from "react";

/** What the picker hands back; the shape of a library entry the editor needs. */
export type PickedImage = { mediaId: number; src: string; alt: string; width: number; height: number; caption: string; credit: string };

type LibraryItem = {
  id: number;
  src: string;
  alt: string;
  altText: string;
  decorative: boolean;
  width: number;
  height: number;
  caption: string;
  credit: string;
  originalName: string;
  variants: { url: string }[];
};

/**
 * Lists and searches the media library. Only described images are offered:
 * with alt text, or (when `allowDecorative`) marked decorative.
 */
export function MediaPicker({
  onPick,
  onCancel,
  allowDecorative = false,
}: {
  onPick: (image: PickedImage) => void;
  onCancel: () => void;
  allowDecorative?: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<LibraryItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/studio/media?usable=1&q=${encodeURIComponent(query)}`, {
          signal: controller.signal,
          cache: "no-store",
        });
        const body = await response.json();
        if (!response.ok) throw new Error(body?.error?.message ?? "The library could not be loaded.");
        setItems((body.media as LibraryItem[]).filter((m) => allowDecorative || m.altText.trim() !== ""));
        setError(null);
      } catch (e) {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : "The library could not be loaded.");
      }
    }, 250);
    return () => (clearTimeout(timer), controller.abort());
  }, [query, allowDecorative]);

  return (
    <div className="media-picker" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="label">
        Choose from the media library
      </p>
      <label htmlFor={`${id}-q`}>Search alt text and captions</label>
      <input id={`${id}-q`} type="search" value={query} autoFocus onChange={(e) => setQuery(e.target.value)} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="hint" role="status">
        {items === null
          ? "Loading…"
          : `${items.length} described image${items.length === 1 ? "" : "s"}. Images without alt text are described in Media first.`}
      </p>
      <ul
        className="media-picker-list"
        style={{
          listStyle: "none",
          padding: 0,
          display: "grid",
          gridTemplateColumns: "repeat(auto-fill, minmax(9rem, 1fr))",
          gap: "0.5rem",
          maxHeight: "22rem",
          overflowY: "auto",
        }}
      >
        {items?.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              className="button small"
              style={{ display: "block", width: "100%", textAlign: "left" }}
              onClick={() =>
                onPick({ mediaId: m.id, src: m.src, alt: m.alt, width: m.width, height: m.height, caption: m.caption, credit: m.credit })
              }
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- our own 480 px variant */}
              <img
                src={m.variants.find((v) => v.url.endsWith("/480.webp"))?.url ?? m.src}
                alt=""
                width={m.width}
                height={m.height}
                style={{ maxWidth: "100%", height: "auto", display: "block" }}
              />
              <span>Use “{m.altText || `${m.originalName} (decorative)`}”</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button small" onClick={onCancel}>
        Back
      </button>
    </div>
  );
}
