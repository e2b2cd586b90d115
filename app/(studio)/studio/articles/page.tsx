import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ArticleTable } from "@/components/studio/article-table";
import { EDITION_STATES } from "@/lib/vocabulary";
import { STATE_LABELS } from "@/lib/workflow";
import { listStudioArticles, listStudioFilterOptions } from "@/server/articles/studio-queries";
import { env } from "@/lib/env";
import { createArticleAction } from "./actions";
import { studioPageUser } from "../_lib/page-user";

export const metadata: Metadata = { title: "News items" };

const id = z.coerce.number().int().positive().optional().catch(undefined);
const filtersSchema = z.object({
  state: z.enum(EDITION_STATES).optional().catch(undefined),
  category: id,
  author: id,
  language: z.string().max(20).optional().catch(undefined),
  outOfDate: z.literal("1").optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  error: z.string().max(300).optional().catch(undefined),
});

function queryString(filters: Record<string, string | number | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== "") params.set(k, String(v));
  return params.toString();
}

export default async function ArticlesPage({ searchParams }: PageProps<"/studio/articles">) {
  await studioPageUser();
  const raw = await searchParams;
  const filters = filtersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [result, options] = await Promise.all([
    listStudioArticles({
      state: filters.state,
      categoryId: filters.category,
      authorId: filters.author,
      language: filters.language || undefined,
      outOfDate: filters.outOfDate === "1",
      q: filters.q || undefined,
      page: filters.page,
    }),
    listStudioFilterOptions(),
  ]);
  const base = {
    state: filters.state,
    category: filters.category,
    author: filters.author,
    language: filters.language,
    outOfDate: filters.outOfDate,
    q: filters.q,
  };
  const languages = env().SITE_LANGUAGES;
  return (
    <>
      <div className="toolbar-row">
        <h1>News items</h1>
        <form action={createArticleAction}>
          <button type="submit" className="button primary">
            New news item
          </button>
        </form>
      </div>
      {filters.error && (
        <p className="form-error" role="alert">
          {filters.error}
        </p>
      )}
      <form className="filters" method="get" role="search" aria-label="Filter news items">
        <div className="field">
          <label htmlFor="q">Search titles</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="state">State</label>
          <select id="state" name="state" defaultValue={filters.state ?? ""}>
            <option value="">Any state</option>
            {EDITION_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="category">Category</label>
          <select id="category" name="category" defaultValue={filters.category ?? ""}>
            <option value="">Any category</option>
            {options.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="author">Author</label>
          <select id="author" name="author" defaultValue={filters.author ?? ""}>
            <option value="">Anyone</option>
            {options.authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        {languages.length > 1 && (
          <div className="field">
            <label htmlFor="language">Language</label>
            <select id="language" name="language" defaultValue={filters.language ?? ""}>
              <option value="">Any language</option>
              {languages.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.englishName}
                </option>
              ))}
            </select>
          </div>
        )}
        <label className="choice filter-choice">
          <input type="checkbox" name="outOfDate" value="1" defaultChecked={filters.outOfDate === "1"} /> Out-of-date translations only
        </label>
        <button type="submit" className="button">
          Apply filters
        </button>
      </form>
      {result.items.length === 0 ? (
        <p role="status">No news items match these filters.</p>
      ) : (
        <ArticleTable rows={result.items} caption="News items, most recently changed first" />
      )}
      <nav className="pagination" aria-label="Pages">
        {result.page > 1 ? <Link href={`?${queryString({ ...base, page: result.page - 1 })}`}>← Previous</Link> : <span />}
        <span>Page {result.page}</span>
        {result.hasMore ? <Link href={`?${queryString({ ...base, page: result.page + 1 })}`}>Next →</Link> : <span />}
      </nav>
    </>
  );
}
