import { describe, expect, it } from "vitest";
import type { ArticleDocument } from "@/lib/content/document-schema";
import { firstImageUrl, newsArticleJsonLd, serializeJsonLd } from "@/lib/structured-data";

const base = {
  url: "https://news.example.gov/news/a",
  headline: "Joint Communiqué",
  description: "Summary",
  datePublished: "2026-02-05T12:00:00+09:00",
  dateModified: "2026-02-06T09:30:00+09:00",
  section: "International Relations",
  keywords: ["Rome"],
  imageUrl: null,
  organization: { name: "Office of the Governor, Press Office", url: "https://news.example.gov/" },
};

describe("NewsArticle JSON-LD", () => {
  it("names the press office as a GovernmentOrganization author and publisher, with Tokyo dates", () => {
    const data = JSON.parse(serializeJsonLd(newsArticleJsonLd(base)));
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Joint Communiqué",
      datePublished: "2026-02-05T12:00:00+09:00",
      dateModified: "2026-02-06T09:30:00+09:00",
      author: { "@type": "GovernmentOrganization", name: "Office of the Governor, Press Office" },
      publisher: { "@type": "GovernmentOrganization", name: "Office of the Governor, Press Office" },
      url: base.url,
      mainEntityOfPage: { "@type": "WebPage", "@id": base.url },
    });
    expect(data).not.toHaveProperty("image");
    expect(newsArticleJsonLd({ ...base, imageUrl: "https://img.example/a.jpg" }).image).toEqual(["https://img.example/a.jpg"]);
  });

  it("cannot be broken out of its script element", () => {
    const json = serializeJsonLd(newsArticleJsonLd({ ...base, headline: "</script><script>alert(1)</script> & \u2028" }));
    expect(json).not.toContain("<");
    expect(json).not.toContain(">");
    expect(json).not.toContain("\u2028");
    expect(JSON.parse(json).headline).toBe("</script><script>alert(1)</script> & \u2028");
  });
});

describe("NewsArticle JSON-LD across languages", () => {
  const en = { url: "https://news.example.gov/news/joint-communique", language: "en" };
  const ja = { url: "https://news.example.gov/ja/news/joint-communique-ja", language: "ja" };

  it("says English when no language is given", () => {
    expect(newsArticleJsonLd(base).inLanguage).toBe("en");
  });

  it("links a translation to the work it translates", () => {
    const data = JSON.parse(
      serializeJsonLd(newsArticleJsonLd({ ...base, url: ja.url, language: "ja", translationOf: en, translations: [en] })),
    );
    expect(data.inLanguage).toBe("ja");
    expect(data["@id"]).toBe(`${ja.url}#article`);
    expect(data.translationOfWork).toEqual({ "@type": "NewsArticle", "@id": `${en.url}#article`, url: en.url, inLanguage: "en" });
    // A translation is not itself translated: its siblings are the source's translations.
    expect(data).not.toHaveProperty("workTranslation");
  });

  it("lists a source's translations", () => {
    const data = JSON.parse(
      serializeJsonLd(newsArticleJsonLd({ ...base, url: en.url, language: "en", translationOf: null, translations: [ja] })),
    );
    expect(data.workTranslation).toEqual([{ "@type": "NewsArticle", "@id": `${ja.url}#article`, url: ja.url, inLanguage: "ja" }]);
    expect(data).not.toHaveProperty("translationOfWork");
  });

  it("has neither for an item in one language only", () => {
    const data = JSON.parse(serializeJsonLd(newsArticleJsonLd({ ...base, translations: [] })));
    expect(data).not.toHaveProperty("workTranslation");
    expect(data).not.toHaveProperty("translationOfWork");
  });
});

describe("firstImageUrl", () => {
  it("finds the first image, even inside a list or a table", () => {
    const img = (src: string) => ({ type: "image" as const, attrs: { src, alt: "x" } });
    const doc: ArticleDocument = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "a" }] },
        { type: "bulletList", content: [{ type: "listItem", content: [img("https://img.example/1.jpg")] }] },
        img("https://img.example/2.jpg"),
      ],
    };
    expect(firstImageUrl(doc)).toBe("https://img.example/1.jpg");
    expect(firstImageUrl({ type: "doc", content: [{ type: "paragraph" }] })).toBeNull();
    expect(
      firstImageUrl({
        type: "doc",
        content: [
          { type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content: [img("https://img.example/t.png")] }] }] },
        ],
      }),
    ).toBe("https://img.example/t.png");
  });
});
