import { connection } from "next/server";
import type { Metadata } from "next";
import { ArticleView } from "@/components/site/article-view";
import { JsonLd } from "@/components/site/json-ld";
import { env, siteName } from "@/lib/env";
import { feedAlternateTypes } from "@/lib/feeds/links";
import { messagesFor } from "@/lib/i18n";
import { alternateOgLocales, versionAlternates } from "@/lib/i18n/alternates";
import { localizedPath, type LanguageInfo } from "@/lib/languages";
import { newsArticleJsonLd } from "@/lib/structured-data";
import { getPublishedArticleBySlug } from "@/server/public/article";
import type { PublicArticle } from "@/server/public/dto";
import { pageLanguage } from "@/server/public/page-language";
import { NotFoundPage } from "../../_components/not-found-page";
import { SitePage } from "../../_components/site-page";

const absolute = (path: string) => new URL(path, env().SITE_URL).href;

/** The item's own address: under its language's prefix ("/ja/news/x"). */
const ownPath = (article: PublicArticle) => localizedPath(env().SITE_LANGUAGES, article.language, `/news/${article.slug}`);

/** The sharing image: the hero's widest variant, else the first body image, as an absolute URL. */
function shareImage(article: PublicArticle) {
  const { hero } = article;
  if (hero) return { url: absolute(hero.largest.url), width: hero.largest.width, height: hero.largest.height, alt: hero.alt };
  return article.imageUrl ? { url: absolute(article.imageUrl) } : null;
}

/**
 * The published article in the page's language, or null: an item lives only under its own
 * language's prefix (proxy.ts answers /ja/news/<an English item> with 404 for the same reason).
 */
async function articleFor(slug: string, language: LanguageInfo): Promise<PublicArticle | null> {
  const article = await getPublishedArticleBySlug({ slug });
  return article && article.language === language.code ? article : null;
}

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export async function generateMetadata({ params }: PageProps<"/news/[slug]">): Promise<Metadata> {
  await connection();
  const language = await pageLanguage();
  const article = await articleFor((await params).slug, language);
  if (!article) return { title: messagesFor(language.code).notFound.title };
  const { SITE_LANGUAGES } = env();
  const SITE_NAME = siteName(language.code).name;
  const url = absolute(ownPath(article));
  const image = shareImage(article);
  const self = { language: article.language, path: ownPath(article) };
  const hreflang = versionAlternates(SITE_LANGUAGES, [self, ...article.translations], article.translationOf ?? self);
  return {
    title: article.title,
    description: article.summary,
    // Setting alternates replaces the layout's, so the feed links are repeated here.
    alternates: {
      canonical: url,
      languages: Object.fromEntries(Object.entries(hreflang).map(([code, path]) => [code, absolute(path)])),
      types: feedAlternateTypes(SITE_NAME, undefined, language.code, SITE_LANGUAGES),
    },
    openGraph: {
      type: "article",
      url,
      title: article.title,
      description: article.summary,
      siteName: SITE_NAME,
      locale: language.ogLocale,
      alternateLocale: alternateOgLocales(
        SITE_LANGUAGES,
        article.translations.map((t) => t.language),
        article.language,
      ),
      publishedTime: article.firstPublishedAt,
      modifiedTime: article.updatedAt,
      section: article.category.name,
      tags: article.tags,
      images: image ? [image] : undefined,
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: article.title,
      description: article.summary,
      images: image ? [image.url] : undefined,
    },
  };
}

export default async function NewsArticlePage({ params }: PageProps<"/news/[slug]">) {
  await connection();
  const language = await pageLanguage();
  const article = await articleFor((await params).slug, language);
  if (!article) return <NotFoundPage language={language} />;
  const { SITE_URL, PRESS_OFFICE_NAME } = env();
  const ref = (v: { language: string; path: string }) => ({ url: absolute(v.path), language: v.language });
  // The switcher leads to this item in the other languages, or to their home pages where it has no version.
  return (
    <SitePage language={language} versions={article.translations}>
      <JsonLd
        data={newsArticleJsonLd({
          url: absolute(ownPath(article)),
          headline: article.title,
          description: article.summary,
          datePublished: article.firstPublishedAt,
          dateModified: article.updatedAt,
          section: article.category.name,
          keywords: article.tags,
          imageUrl: shareImage(article)?.url ?? null,
          organization: { name: PRESS_OFFICE_NAME, url: new URL("/", SITE_URL).href },
          language: article.language,
          translationOf: article.translationOf ? ref(article.translationOf) : null,
          translations: article.translations.map(ref),
        })}
      />
      <ArticleView article={article} language={language} />
    </SitePage>
  );
}
