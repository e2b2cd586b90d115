"use client";

import type { ReactNode } from "react";
import type { Signatory } from "@/lib/vocabulary";
import { SignatoriesField } from "./signatories-field";

export type EditorFields = {
  title: string;
  slug: string;
  summary: string;
  categoryId: number;
  datelineDate: string;
  tags: string;
  signatories: Signatory[];
};

type Props = {
  fields: EditorFields;
  change: (patch: Partial<EditorFields>) => void;
  /** The slug stops following the title once a person types one. */
  onSlugTyped: () => void;
  readOnly: boolean;
  slugLocked: boolean;
  categories: { id: number; name: string }[];
  errorFor: (name: string) => ReactNode;
  describedBy: (name: string, hint?: string) => string | undefined;
  /** This item's id for an element (components/editor/editor-ids.ts): earlier editors stay in the document. */
  idOf: (name: string) => string;
  /** The language of the item's words, for the fields that hold words (not the address or the date). */
  lang: string;
};

/** The item's metadata beside the body: address, category, dateline, summary, tags and signatories. */
export function ArticleSideFields({
  fields,
  change,
  onSlugTyped,
  readOnly,
  slugLocked,
  categories,
  errorFor,
  describedBy,
  idOf,
  lang,
}: Props) {
  return (
    <div className="editor-side">
      <div className="field">
        <label htmlFor={idOf("slug")}>Address (slug)</label>
        <p className="hint" id={idOf("slug-hint")}>
          {slugLocked ? "Published addresses are permanent." : `The page will be at /news/${fields.slug}`}
        </p>
        <input
          id={idOf("slug")}
          type="text"
          value={fields.slug}
          readOnly={readOnly || slugLocked}
          aria-describedby={describedBy("slug", "slug-hint")}
          onChange={(e) => {
            onSlugTyped();
            change({ slug: e.target.value.toLowerCase() });
          }}
        />
        {errorFor("slug")}
      </div>
      <div className="field">
        <label htmlFor={idOf("categoryId")}>Category</label>
        <select
          id={idOf("categoryId")}
          value={fields.categoryId}
          disabled={readOnly}
          aria-describedby={describedBy("categoryId")}
          onChange={(e) => change({ categoryId: Number(e.target.value) })}
        >
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {errorFor("categoryId")}
      </div>
      <div className="field">
        <label htmlFor={idOf("datelineDate")}>Dateline</label>
        <p className="hint" id={idOf("dateline-hint")}>
          The date printed on the item, in Tokyo.
        </p>
        <input
          id={idOf("datelineDate")}
          type="date"
          value={fields.datelineDate}
          readOnly={readOnly}
          aria-describedby={describedBy("datelineDate", "dateline-hint")}
          onChange={(e) => change({ datelineDate: e.target.value })}
        />
        {errorFor("datelineDate")}
      </div>
      <div className="field">
        <label htmlFor={idOf("summary")}>Summary</label>
        <p className="hint" id={idOf("summary-hint")}>
          One or two sentences for listings, feeds and search results.
        </p>
        <textarea
          id={idOf("summary")}
          value={fields.summary}
          lang={lang}
          readOnly={readOnly}
          aria-describedby={describedBy("summary", "summary-hint")}
          onChange={(e) => change({ summary: e.target.value })}
        />
        {errorFor("summary")}
      </div>
      <div className="field">
        <label htmlFor={idOf("tags")}>Tags</label>
        <p className="hint" id={idOf("tags-hint")}>
          Separate tags with commas.
        </p>
        <input
          id={idOf("tags")}
          type="text"
          value={fields.tags}
          lang={lang}
          readOnly={readOnly}
          aria-describedby={describedBy("tags", "tags-hint")}
          onChange={(e) => change({ tags: e.target.value })}
        />
        {errorFor("tags")}
      </div>
      <SignatoriesField
        value={fields.signatories}
        disabled={readOnly}
        onChange={(signatories) => change({ signatories })}
        idOf={idOf}
        lang={lang}
      />
    </div>
  );
}
