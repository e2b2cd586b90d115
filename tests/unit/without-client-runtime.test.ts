import { describe, expect, it } from "vitest";
import { withoutClientRuntime } from "@/lib/http/without-client-runtime";

// The shapes Next 16 writes into an App Router page (taken from a built home page, shortened).
const head =
  '<head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="N" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" nonce="N" href="/_next/static/chunks/b.js"/>' +
  '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>' +
  '<script src="/_next/static/chunks/b.js" async="" nonce="N"></script>' +
  '<script src="/_next/static/chunks/p.js" noModule="" nonce="N"></script>' +
  '<title>News</title><link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS"/></head>';
const flight =
  '<script nonce="N" id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/b.js"]})</script>' +
  '<script nonce="N">(self.__next_f=self.__next_f||[]).push([0])</script>' +
  '<script nonce="N">self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n\\u003c/script\\u003e"])</script>';
const jsonLd = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"A \\u003c/script\\u003e b"}</script>';
const body = `<body><a href="#main">Skip</a><main id="main" data-note="a > b"><!--$--><h1>Title</h1><!--/$-->${jsonLd}</main>`;
const page = `<!DOCTYPE html><html lang="en">${head}${body}${flight}</body></html>`;

describe("withoutClientRuntime", () => {
  it("drops Next's script chunks, their preloads and the inline flight data", () => {
    const html = withoutClientRuntime(page);
    expect(html).not.toContain("/_next/static/chunks/b.js");
    expect(html).not.toContain("/_next/static/chunks/m.js");
    expect(html).not.toContain("p.js");
    expect(html).not.toContain("__next_f");
    expect(html).not.toContain("TURBOPACK");
  });

  it("keeps every other byte exactly as Next wrote it, JSON-LD included", () => {
    const expected =
      '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>' +
      '<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="N" data-precedence="next"/>' +
      '<title>News</title><link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS"/></head>' +
      `${body}</body></html>`;
    expect(withoutClientRuntime(page)).toBe(expected);
  });

  it("leaves a streamed page unchanged: its late content needs the runtime to appear", () => {
    const pending = page.replace("<!--$-->", '<!--$?--><template id="B:0"></template>');
    expect(withoutClientRuntime(pending)).toBe(pending);
    const clientRendered = page.replace("<!--$-->", "<!--$!-->");
    expect(withoutClientRuntime(clientRendered)).toBe(clientRendered);
  });

  it("returns a page without scripts as it is", () => {
    const plain = "<!DOCTYPE html><html><head><title>x</title></head><body><p>y</p></body></html>";
    expect(withoutClientRuntime(plain)).toBe(plain);
  });
});
