"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/lib/errors";
import type { PlacementOptions } from "@/server/lists/summaries";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function NewListForm({ options, action, articleId }: { options: PlacementOptions; action: Action; articleId?: number }) {
  const [state, formAction, pending] = useActionState(action, INITIAL_FORM_STATE);
  const fields = state.ok ? undefined : state.fields;
  const placement = articleId ? "article" : "default";
  const error = (field: string) =>
    fields?.[field] ? (
      <p id={`new-list-${field}-error`} className="field-error">
        {fields[field]}
      </p>
    ) : null;
  return (
    <form action={formAction} className="form">
      {state.message && !state.ok && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="new-list-name">Name (for the studio)</label>
        <input
          id="new-list-name"
          name="name"
          required
          maxLength={120}
          aria-describedby={fields?.name ? "new-list-name-error" : undefined}
        />
        {error("name")}
      </div>
      <fieldset className="field">
        <legend>Where it appears</legend>
        {(["default", "category", "article"] as const).map((p) => (
          <label key={p}>
            <input type="radio" name="placement" value={p} defaultChecked={placement === p} />{" "}
            {p === "default"
              ? "Site default (every item without a list of its own)"
              : p === "category"
                ? "Every item of one category"
                : "Under one news item"}
          </label>
        ))}
      </fieldset>
      {options.languages.length > 1 && (
        <div className="field">
          <label htmlFor="new-list-language">Language (for a site default or category list)</label>
          <select id="new-list-language" name="language" defaultValue={options.languages[0]?.code}>
            {options.languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
          {error("language")}
        </div>
      )}
      <div className="field">
        <label htmlFor="new-list-category">Category (for a category list)</label>
        <select id="new-list-category" name="categoryId" defaultValue="">
          <option value="">—</option>
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {error("categoryId")}
      </div>
      <div className="field">
        <label htmlFor="new-list-article">News item (for a list under one item)</label>
        <select id="new-list-article" name="articleId" defaultValue={articleId ?? ""}>
          <option value="">—</option>
          {options.articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title} ({a.datelineDate})
            </option>
          ))}
        </select>
        {error("articleId")}
      </div>
      <div className="field">
        <label htmlFor="new-list-max">Number of items shown (1–20)</label>
        <input id="new-list-max" name="maxItems" type="number" min={1} max={20} defaultValue={10} required />
        {error("maxItems")}
      </div>
      <div className="field">
        <label>
          <input type="checkbox" name="fillFromCategory" /> Fill the rest with the latest items of the same category
        </label>
      </div>
      <button type="submit" className="button primary" disabled={pending}>
        Create list
      </button>
    </form>
  );
}
