import "server-only";
import { eq, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { selectPublishedArticles } from "@/db/published-articles";
import { articleEditions, articles } from "@/db/schema";
import { env } from "@/lib/env";
import { localizedPath } from "@/lib/languages";

export type GroupVersion = { id: number; language: string; title: string; path: string };

/**
 * The published language versions of one translation group (`groupId` is the source's id),
 * in the site's language order: what the switcher, hreflang and JSON-LD link to. Languages the
 * site no longer runs are left out, having no address.
 */
export async function listPublishedVersions(db: Database, groupId: number): Promise<GroupVersion[]> {
  const languages = env().SITE_LANGUAGES;
  const rows = await selectPublishedArticles(
    db,
    { id: articles.id, slug: articles.slug, language: articles.language, title: articleEditions.title },
    { where: or(eq(articles.id, groupId), eq(articles.translationOfId, groupId)) },
  );
  const order = (code: string) => languages.findIndex((l) => l.code === code);
  return rows
    .filter((r) => order(r.language) >= 0)
    .sort((a, b) => order(a.language) - order(b.language))
    .map((r) => ({ id: r.id, language: r.language, title: r.title, path: localizedPath(languages, r.language, `/news/${r.slug}`) }));
}
