"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { parseTags } from "@/lib/article-input";
import { articleExtensions } from "@/lib/content/extensions";
import type { FormState } from "@/lib/errors";
import { slugify } from "@/lib/slug";
import { editLockReason } from "@/lib/workflow";
import type { EditableArticle, SaveResult } from "@/server/articles/studio-dto";
import { ArticleSideFields, type EditorFields } from "./article-side-fields";
import { ConflictPanel } from "./conflict-panel";
import { EditLockNotice } from "./edit-lock-notice";
import { editLockReasonId, editorId } from "./editor-ids";
import { EditorToolbar } from "./editor-toolbar";
import { usePresenceLock } from "./presence-lock-store";
import { RecoveryNotice } from "./recovery-notice";
import { announceSavedVersion } from "./saved-version";
import { SaveStatusLine } from "./save-status";
import { useAutosave } from "./use-autosave";

type Props = {
  article: EditableArticle;
  categories: { id: number; name: string }[];
  save: (payload: unknown) => Promise<FormState<SaveResult>>;
  /** The workflow column, placed right after the words: beside them on wide screens, below them on narrow ones. */
  workflow?: ReactNode;
  /** For a translation: its source's words, read-only, beside the editable words (after them on narrow screens). */
  source?: ReactNode;
};

const NOT_YOURS = "You can read this item but not edit it: writers edit their own items.";

/**
 * The news item editor: metadata fields beside a Tiptap body, saved automatically.
 * Read-only while someone else holds the edit lock (components/editor/presence-status.tsx);
 * started again from the page's latest data each time the lock comes back after someone else's.
 */
export function ArticleEditor(props: Props) {
  const { lockedBy, generation } = usePresenceLock("article", props.article.id);
  return <EditorSession key={generation} {...props} lockedBy={lockedBy} />;
}

function EditorSession({ article, categories, save, workflow, source, lockedBy }: Props & { lockedBy: string | null }) {
  const { edition } = article;
  const router = useRouter();
  const [fields, setFields] = useState<EditorFields>({
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
  const editionNumberRef = useRef(edition.number);
  // Words under a pending approval never change: no typing, so no autosave (server/ refuses such saves too).
  const lockReason = article.canEdit ? editLockReason(edition.state) : null;
  const presenceReason = article.canEdit ? lockedBy : null;
  const readOnly = !article.canEdit || lockReason !== null || presenceReason !== null;

  const onSaved = useCallback(
    (r: SaveResult) => {
      setEditionNumber(r.editionNumber);
      announceSavedVersion(article.id, r.version);
      // A save into a published item started a new draft edition: the badge and the workflow
      // steps beside the editor come from the page's data, so fetch it again (this editor stays).
      if (r.editionNumber !== editionNumberRef.current) router.refresh();
      editionNumberRef.current = r.editionNumber;
    },
    [article.id, router],
  );
  // A refused save because the edition moved on (someone sent it for review): this page is stale, show the truth.
  const onLocked = useCallback(() => router.refresh(), [router]);
  const { status, schedule, retryNow, storageKey } = useAutosave({
    articleId: article.id,
    initialVersion: article.version,
    save,
    onSaved,
    onLocked,
    // Someone else holds the edit lock: keep what was typed (and in this browser), send none of it.
    paused: presenceReason !== null,
  });

  const payloadFor = useCallback(
    (f: EditorFields, body: unknown) => ({
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
        // The words' language, not the studio's: spell-checking, input and screen readers follow it.
        lang: article.language,
        "aria-readonly": readOnly ? "true" : "false",
        ...(readOnly ? { "aria-describedby": editLockReasonId(article.id) } : {}),
      },
    },
    onUpdate: ({ editor: e }) => schedule(payloadFor(fieldsRef.current, e.getJSON())),
  });
  // The page's data can lock or unlock the words without a new editor (emitUpdate false: that is no edit to save).
  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  const change = (patch: Partial<EditorFields>) => {
    if (readOnly) return;
    const next = { ...fieldsRef.current, ...patch };
    if (patch.title !== undefined && slugFollowsTitle.current) next.slug = slugify(patch.title) || next.slug;
    fieldsRef.current = next;
    setFields(next);
    if (editor) schedule(payloadFor(next, editor.getJSON()));
  };

  const idOf = (name: string) => editorId(article.id, name);
  const fieldErrors = status.kind === "failed" ? (status.fields ?? {}) : {};
  const errorFor = (name: string) =>
    fieldErrors[name] ? (
      <p className="field-error" id={idOf(`${name}-error`)}>
        {fieldErrors[name]}
      </p>
    ) : null;
  // A locked field names the reason, so a screen reader hears why it does not take typing.
  const describedBy = (name: string, hint?: string) =>
    [hint ? idOf(hint) : null, fieldErrors[name] ? idOf(`${name}-error`) : null, readOnly ? editLockReasonId(article.id) : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const plainText = useMemo(() => () => `${fieldsRef.current.title}\n\n${editor?.getText() ?? ""}`, [editor]);

  return (
    <div className="editor-layout">
      <div className="editor-meta-bar">
        <p>
          Edition {editionNumber}
          {article.status === "published" &&
            edition.state === "published" &&
            editionNumber === edition.number &&
            " — editing starts a new edition; readers keep seeing the published one"}
        </p>
        {!readOnly && <SaveStatusLine status={status} onRetry={retryNow} />}
      </div>
      {readOnly && (
        <EditLockNotice
          articleId={article.id}
          reason={lockReason ?? presenceReason ?? NOT_YOURS}
          state={lockReason ? edition.state : null}
          transitions={article.transitions}
        />
      )}
      {!readOnly && (
        <RecoveryNotice
          storageKey={storageKey}
          currentVersion={article.version}
          onRestore={(payload) => {
            const p = payload as Partial<Omit<EditorFields, "tags">> & { tags?: string[]; body?: unknown };
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
      <div className={source ? "editor-grid with-source" : "editor-grid"}>
        {source}
        <div className="editor-main">
          <div className="field">
            <label htmlFor={idOf("title")}>Title</label>
            <input
              id={idOf("title")}
              type="text"
              value={fields.title}
              lang={article.language}
              readOnly={readOnly}
              aria-describedby={describedBy("title")}
              onChange={(e) => change({ title: e.target.value })}
            />
            {errorFor("title")}
          </div>
          <div className="field">
            <span className="label" id={idOf("body-label")}>
              Body
            </span>
            {editor && !readOnly && <EditorToolbar editor={editor} />}
            <EditorContent editor={editor} aria-labelledby={idOf("body-label")} />
            {errorFor("body")}
          </div>
        </div>
        {workflow}
        <ArticleSideFields
          fields={fields}
          change={change}
          onSlugTyped={() => (slugFollowsTitle.current = false)}
          readOnly={readOnly}
          slugLocked={article.slugLocked}
          categories={categories}
          errorFor={errorFor}
          describedBy={describedBy}
          idOf={idOf}
          lang={article.language}
        />
      </div>
    </div>
  );
}
