import { Parser } from "htmlparser2";

/**
 * A public page's HTML without Next's client runtime: its script chunks, their preloads and the
 * inline flight data (`self.__next_f.push(…)`, which repeats the whole page as an RSC payload).
 *
 * Why: public pages have no client components and work without JavaScript, so on a phone that
 * runtime only costs — about three quarters of the page's bytes and the main-thread time that
 * kept Lighthouse's mobile score below 95 (the bare static Next page scores 91–93 here, all of it
 * hydration). Readers lose client-side navigation; each link is a whole page, served from the
 * page store in a millisecond or two.
 *
 * Kept: JSON-LD (`type="application/ld+json"`, data rather than code) and everything else.
 * A page that React streamed (a Suspense boundary whose content arrived later, `<!--$?-->`, or
 * one it gave up on server-side, `<!--$!-->`) needs the runtime to show that content, so it is
 * returned unchanged. Cuts are made at the tokenizer's offsets in the original text, so the bytes
 * that stay are exactly the ones Next wrote.
 */
export function withoutClientRuntime(html: string): string {
  const cuts: [number, number][] = [];
  let scriptStart: number | null = null;
  let streamed = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "script") {
          const isData = (attributes.type ?? "").trim().toLowerCase() === "application/ld+json";
          scriptStart = isData ? null : parser.startIndex;
        } else if (name === "link" && loadsScript(attributes)) {
          cuts.push([parser.startIndex, parser.endIndex + 1]);
        } else if (name === "template" && /^B:/.test(attributes.id ?? "")) {
          streamed = true;
        }
      },
      onclosetag(name) {
        if (name === "script" && scriptStart !== null) {
          cuts.push([scriptStart, parser.endIndex + 1]);
          scriptStart = null;
        }
      },
      oncomment(text) {
        if (text === "$?" || text === "$!") streamed = true;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (streamed || cuts.length === 0) return html;
  let kept = "";
  let from = 0;
  for (const [start, end] of cuts) {
    kept += html.slice(from, start);
    from = end;
  }
  return kept + html.slice(from);
}

function loadsScript(attributes: Record<string, string>): boolean {
  const rel = (attributes.rel ?? "").toLowerCase().split(/\s+/);
  return rel.includes("modulepreload") || (rel.includes("preload") && (attributes.as ?? "").toLowerCase() === "script");
}
