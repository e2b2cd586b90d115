import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleView } from "@/components/site/article-view";
import { LanguageSwitcher } from "@/components/site/language-switcher";
import { itemTargets } from "@/lib/i18n/switcher";
import { parseSiteLanguages } from "@/lib/languages";
import type { PublicArticle } from "@/server/public/dto";

const languages = parseSiteLanguages("en,ja");
const [en, ja] = [languages[0]!, languages[1]!];

const translation: PublicArticle = {
  id: 2,
  slug: "joint-communique-ja",
  title: "共同声明",
  summary: "ローマ市との共同声明",
  datelineDate: "2026-02-05",
  category: { slug: "international-relations", name: "国際関係" },
  language: "ja",
  translations: [{ language: "en", title: "Joint Communiqué", path: "/news/joint-communique" }],
  translationOf: { language: "en", title: "Joint Communiqué", path: "/news/joint-communique" },
  outOfDate: { since: "2026-02-06", source: { language: "en", title: "Joint Communiqué", path: "/news/joint-communique" } },
  bodyHtml: "<p>東京都知事は…</p>",
  signatories: [],
  tags: [],
  firstPublishedAt: "2026-02-05T12:00:00+09:00",
  updatedAt: "2026-02-05T12:00:00+09:00",
  imageUrl: null,
  withdrawal: null,
  changes: [],
  hero: null,
  recommended: [{ title: "ローマ訪問", datelineDate: "2026-01-20", href: "/ja/news/rome-visit", external: false }],
};

describe("the public chrome in the page's language", () => {
  const html = renderToStaticMarkup(createElement(ArticleView, { article: translation, language: ja }));

  it("writes a Japanese page's dates and labels in Japanese, with links inside /ja", () => {
    expect(html).toContain('<time dateTime="2026-02-05">2026年2月5日</time>');
    expect(html).toContain("おすすめ情報");
    expect(html).toContain('href="/ja/category/international-relations"');
  });

  it("tells readers of an out-of-date translation where the newer words are, marking the English", () => {
    expect(html).toContain('この記事の英語版は<time dateTime="2026-02-06">2026年2月6日</time>に更新されました。');
    expect(html).toMatch(
      /<a href="\/news\/joint-communique" hrefLang="en">最新の内容は英語版「<span lang="en">Joint Communiqué<\/span>」をご覧ください。<\/a>/,
    );
  });

  it("does not mark words that are in the page's language", () => {
    expect(html).not.toMatch(/<h1 lang=/);
  });

  it("names each language in itself, with lang and hreflang", () => {
    const switcher = renderToStaticMarkup(
      createElement(LanguageSwitcher, { language: en, targets: itemTargets(languages, "en", [{ language: "ja", path: "/ja/news/x-ja" }]) }),
    );
    expect(switcher).toContain('aria-label="Language"');
    expect(switcher).toContain('<a href="/ja/news/x-ja" lang="ja" hrefLang="ja" dir="ltr">日本語</a>');
  });
});
