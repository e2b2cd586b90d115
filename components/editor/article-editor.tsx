"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import { useCallback, useMemo, useRef, useState } from "react";
import type { Signatory } from "@/lib/vocabulary";
import { parseTags } from "@/lib/article-input";
import { articleExtensions } from "@/lib/content/extensions";
import type { ActionResult } from "@/lib/errors";
import { slugify } from "@/lib/slug";
import { editLockReason } from "@/lib/workflow";
import type { EditableArticle, SaveResult } from "@/server/articles/studio-dto";
import { ConflictPanel } from "./conflict-panel";
import { EditorToolbar } from "./editor-toolbar";
import { RecoveryNotice } from "./recovery-notice";
import { announceSavedVersion } from "./saved-version";
import { SaveStatusLine } from "./save-status";
import { SignatoriesField } from "./signatories-field";
import { useAutosave } from "./use-autosave";

type Props = {
  article: EditableArticle;
  categories: { id: number; name: string }[];
  save: (payload: unknown) => Promise<ActionResult<SaveResult>>;
};

type Fields = {
  title: string;
  slug: string;
  summary: string;
  categoryId: number;
  datelineDate: string;
  tags: string;
  signatories: Signatory[];
};

/** The news item editor: metadata fields beside a Tiptap body, saved automatically. */
export function ArticleEditor({ article, categories, save }: Props) {
  const { edition } = article;
  const [fields, setFields] = useState<Fields>({
    title: edition.title,
    slug: article.slug,
    summary: edition.summary,
    categoryId: edition.categoryId,
    datelineDate: edition.datelineDate,
    tags: edition.tags.join(", "),
    signatories: edition.signatories,
  });
  const slugFollowsTitle = useRef(!article.slugLocked && (article.slug.startsWith("draft-") || article.slug === slugify(edition.title)));
  const fieldsRef = useRef(fields);
  const [editionNumber, setEditionNumber] = useState(edition.number);
  // Words under a pending approval never change: no typing, so no autosave (server/ refuses such saves too).
  const lockReason = article.canEdit ? editLockReason(edition.state) : null;
  const readOnly = !article.canEdit || lockReason !== null;

  const onSaved = useCallback(
    (r: SaveResult) => {
      setEditionNumber(r.editionNumber);
      announceSavedVersion(article.id, r.version);
    },
    [article.id],
  );
  const { status, schedule, retryNow, storageKey } = useAutosave({ articleId: article.id, initialVersion: article.version, save, onSaved });

  const payloadFor = useCallback(
    (f: Fields, body: unknown) => ({
      title: f.title,
      slug: f.slug,
      summary: f.summary,
      categoryId: f.categoryId,
      datelineDate: f.datelineDate,
      tags: parseTags(f.tags),
      signatories: f.signatories,
      // Tiptap's attrs objects are not plain objects; a JSON round trip makes them sendable to a server action.
      body: JSON.parse(JSON.stringify(body)) as unknown,
    }),
    [],
  );

  const editor = useEditor({
    extensions: articleExtensions,
    content: edition.body,
    editable: !readOnly,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: "article-body-editor",
        class: "article-body editor-surface",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": "Body",
      },
    },
    onUpdate: ({ editor: e }) => schedule(payloadFor(fieldsRef.current, e.getJSON())),
  });

  const change = (patch: Partial<Fields>) => {
    const next = { ...fieldsRef.current, ...patch };
    if (patch.title !== undefined && slugFollowsTitle.current) next.slug = slugify(patch.title) || next.slug;
    fieldsRef.current = next;
    setFields(next);
    if (editor) schedule(payloadFor(next, editor.getJSON()));
  };

  const fieldErrors = status.kind === "failed" ? (status.fields ?? {}) : {};
  const errorFor = (name: string) =>
    fieldErrors[name] ? (
      <p className="field-error" id={`${name}-error`}>
        {fieldErrors[name]}
      </p>
    ) : null;
  const describedBy = (name: string, hint?: string) => [hint, fieldErrors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const plainText = useMemo(() => () => `${fieldsRef.current.title}\n\n${editor?.getText() ?? ""}`, [editor]);

  return (
    <div className="editor-layout">
      <div className="editor-meta-bar">
        <p>
          Edition {editionNumber}
          {article.status === "published" && edition.state === "published" && " — editing starts a new edition; readers keep seeing the published one"}
        </p>
        {!readOnly && <SaveStatusLine status={status} onRetry={retryNow} />}
      </div>
      {readOnly && <p className="notice">{lockReason ?? "You can read this item but not edit it: writers edit their own items."}</p>}
      {!readOnly && (
        <RecoveryNotice
          storageKey={storageKey}
          currentVersion={article.version}
          onRestore={(payload) => {
            const p = payload as Partial<Omit<Fields, "tags">> & { tags?: string[]; body?: unknown };
            if (p.body && editor) editor.commands.setContent(p.body as Parameters<typeof editor.commands.setContent>[0]);
            change({
              title: p.title ?? fields.title,
              slug: p.slug ?? fields.slug,
              summary: p.summary ?? fields.summary,
              categoryId: p.categoryId ?? fields.categoryId,
              datelineDate: p.datelineDate ?? fields.datelineDate,
              tags: Array.isArray(p.tags) ? p.tags.join(", ") : fields.tags,
              signatories: p.signatories ?? fields.signatories,
            });
          }}
        />
      )}
      {status.kind === "conflict" && <ConflictPanel status={status} storageKey={storageKey} copyText={plainText} />}
      <div className="editor-grid">
        <div className="editor-main">
          <div className="field">
            <label htmlFor="title">Title</label>
            <input id="title" type="text" value={fields.title} readOnly={readOnly} aria-describedby={describedBy("title")} onChange={(e) => change({ title: e.target.value })} />
            {errorFor("title")}
          </div>
          <div className="field">
            <span className="label" id="body-label">
              Body
            </span>
            {editor && !readOnly && <EditorToolbar editor={editor} />}
            <EditorContent editor={editor} aria-labelledby="body-label" />
            {errorFor("body")}
          </div>
        </div>
        <div className="editor-side">
          <div className="field">
            <label htmlFor="slug">Address (slug)</label>
            <p className="hint" id="slug-hint">
              {article.slugLocked ? "Published addresses are permanent." : `The page will be at /news/${fields.slug}`}
            </p>
            <input
              id="slug"
              type="text"
              value={fields.slug}
              readOnly={readOnly || article.slugLocked}
              aria-describedby={describedBy("slug", "slug-hint")}
              onChange={(e) => {
                slugFollowsTitle.current = false;
                change({ slug: e.target.value.toLowerCase() });
              }}
            />
            {errorFor("slug")}
          </div>
          <div className="field">
            <label htmlFor="categoryId">Category</label>
            <select id="categoryId" value={fields.categoryId} disabled={readOnly} onChange={(e) => change({ categoryId: Number(e.target.value) })}>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {errorFor("categoryId")}
          </div>
          <div className="field">
            <label htmlFor="datelineDate">Dateline</label>
            <p className="hint" id="dateline-hint">
              The date printed on the item, in Tokyo.
            </p>
            <input id="datelineDate" type="date" value={fields.datelineDate} readOnly={readOnly} aria-describedby={describedBy("datelineDate", "dateline-hint")} onChange={(e) => change({ datelineDate: e.target.value })} />
            {errorFor("datelineDate")}
          </div>
          <div className="field">
            <label htmlFor="summary">Summary</label>
            <p className="hint" id="summary-hint">
              One or two sentences for listings, feeds and search results.
            </p>
            <textarea id="summary" value={fields.summary} readOnly={readOnly} aria-describedby={describedBy("summary", "summary-hint")} onChange={(e) => change({ summary: e.target.value })} />
            {errorFor("summary")}
          </div>
          <div className="field">
            <label htmlFor="tags">Tags</label>
            <p className="hint" id="tags-hint">
              Separate tags with commas.
            </p>
            <input id="tags" type="text" value={fields.tags} readOnly={readOnly} aria-describedby={describedBy("tags", "tags-hint")} onChange={(e) => change({ tags: e.target.value })} />
            {errorFor("tags")}
          </div>
          <SignatoriesField value={fields.signatories} disabled={readOnly} onChange={(signatories) => change({ signatories })} />
        </div>
      </div>
    </div>
  );
}
