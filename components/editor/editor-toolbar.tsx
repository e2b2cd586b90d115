"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useRef, useState, type KeyboardEvent } from "react";
import { isSafeImageUrl, isSafeLinkUrl } from "@/lib/content/safe-url";
import { MediaPicker } from "./media-picker";

type Panel = null | "link" | "image";

/**
 * WAI-ARIA toolbar: one tab stop, arrow keys move between buttons, every
 * button has a visible text label and toggles announce aria-pressed.
 */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const [panel, setPanel] = useState<Panel>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      link: e.isActive("link"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      table: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const chain = () => editor.chain().focus();
  const buttons: { key: string; label: string; pressed?: boolean; disabled?: boolean; run: () => void }[] = [
    { key: "h2", label: "Heading 2", pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: "h3", label: "Heading 3", pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: "h4", label: "Heading 4", pressed: state.h4, run: () => chain().toggleHeading({ level: 4 }).run() },
    { key: "bold", label: "Bold", pressed: state.bold, run: () => chain().toggleBold().run() },
    { key: "italic", label: "Italic", pressed: state.italic, run: () => chain().toggleItalic().run() },
    { key: "link", label: "Link", pressed: state.link, run: () => setPanel(panel === "link" ? null : "link") },
    { key: "bullet", label: "Bullet list", pressed: state.bullet, run: () => chain().toggleBulletList().run() },
    { key: "ordered", label: "Numbered list", pressed: state.ordered, run: () => chain().toggleOrderedList().run() },
    { key: "quote", label: "Quote", pressed: state.quote, run: () => chain().toggleBlockquote().run() },
    { key: "rule", label: "Divider", run: () => chain().setHorizontalRule().run() },
    { key: "table", label: "Table", run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    ...(state.table
      ? [
          { key: "row", label: "Add row", run: () => chain().addRowAfter().run() },
          { key: "col", label: "Add column", run: () => chain().addColumnAfter().run() },
          { key: "deltable", label: "Delete table", run: () => chain().deleteTable().run() },
        ]
      : []),
    { key: "image", label: "Image", run: () => setPanel(panel === "image" ? null : "image") },
    { key: "undo", label: "Undo", disabled: !state.canUndo, run: () => chain().undo().run() },
    { key: "redo", label: "Redo", disabled: !state.canRedo, run: () => chain().redo().run() },
  ];
  const [active, setActive] = useState(0);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const keys: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    let next: number | null = null;
    if (event.key in keys) next = (active + keys[event.key]! + buttons.length) % buttons.length;
    if (event.key === "Home") next = 0;
    if (event.key === "End") next = buttons.length - 1;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    toolbar.current?.querySelectorAll<HTMLButtonElement>("button")[next]?.focus();
  }

  return (
    <div className="editor-toolbar-wrap">
      <div
        ref={toolbar}
        role="toolbar"
        aria-label="Formatting"
        aria-controls="article-body-editor"
        className="editor-toolbar"
        onKeyDown={onKeyDown}
      >
        {buttons.map((b, i) => (
          <button
            key={b.key}
            type="button"
            className="button small"
            tabIndex={i === Math.min(active, buttons.length - 1) ? 0 : -1}
            aria-pressed={b.pressed === undefined ? undefined : b.pressed}
            aria-disabled={b.disabled || undefined}
            onFocus={() => setActive(i)}
            // Keep the text selection in the editor when a button is clicked with a pointer.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => !b.disabled && b.run()}
          >
            {b.label}
          </button>
        ))}
      </div>
      {panel === "link" && <LinkPanel editor={editor} onClose={() => setPanel(null)} />}
      {panel === "image" && <ImagePanel editor={editor} onClose={() => setPanel(null)} />}
    </div>
  );
}

function LinkPanel({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [href, setHref] = useState<string>(editor.getAttributes("link").href ?? "");
  const [error, setError] = useState<string | null>(null);
  function apply() {
    const url = href.trim();
    if (!isSafeLinkUrl(url)) return setError("Links must start with https://, http:// or mailto:.");
    editor.chain().focus().extendMarkRange("link").setLink({ href: url }).run();
    onClose();
  }
  return (
    <div className="editor-panel" role="group" aria-label="Link">
      <label htmlFor="link-url">Link address</label>
      <input
        id="link-url"
        type="url"
        value={href}
        autoFocus
        aria-invalid={!!error}
        aria-describedby={error ? "link-error" : undefined}
        onChange={(e) => setHref(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply();
          } else if (e.key === "Escape") {
            e.preventDefault();
            onClose();
            editor.commands.focus();
          }
        }}
      />
      {error && (
        <p id="link-error" className="field-error">
          {error}
        </p>
      )}
      <button type="button" className="button small primary" onClick={apply}>
        Apply link
      </button>
      <button type="button" className="button small" onClick={() => (editor.chain().focus().unsetLink().run(), onClose())}>
        Remove link
      </button>
      <button type="button" className="button small" onClick={() => (onClose(), editor.commands.focus())}>
        Cancel
      </button>
    </div>
  );
}

function ImagePanel({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [src, setSrc] = useState("");
  const [alt, setAlt] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [browsing, setBrowsing] = useState(false);
  function insert() {
    if (!isSafeImageUrl(src.trim())) return setError("Give an image address starting with https://.");
    if (!alt.trim()) return setError("Describe the image for people who cannot see it (alt text is required).");
    editor.chain().focus().setImage({ src: src.trim(), alt: alt.trim() }).run();
    onClose();
  }
  if (browsing) {
    return (
      <div className="editor-panel" role="group" aria-label="Image">
        <MediaPicker
          onCancel={() => setBrowsing(false)}
          onPick={(image) => {
            // The 960 px WebP with its real size (no layout shift); readers get the other sizes through srcset.
            const title = [image.caption, image.credit].filter(Boolean).join(" ").slice(0, 300) || undefined;
            editor.chain().focus().setImage({ src: image.src, alt: image.alt, title, width: image.width, height: image.height }).run();
            onClose();
          }}
        />
      </div>
    );
  }
  return (
    <div className="editor-panel" role="group" aria-label="Image">
      <button type="button" className="button small" onClick={() => setBrowsing(true)}>
        Choose from library
      </button>
      <label htmlFor="image-src">Image address</label>
      <p className="hint" id="image-src-hint">
        Only images from the media library are saved, unless an administrator has allowed the address&rsquo;s host.
      </p>
      <input id="image-src" type="url" value={src} autoFocus aria-describedby="image-src-hint" onChange={(e) => setSrc(e.target.value)} />
      <label htmlFor="image-alt">Alt text (required)</label>
      <input id="image-alt" type="text" value={alt} onChange={(e) => setAlt(e.target.value)} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" className="button small primary" onClick={insert}>
        Insert image
      </button>
      <button type="button" className="button small" onClick={() => (onClose(), editor.commands.focus())}>
        Cancel
      </button>
    </div>
  );
}
