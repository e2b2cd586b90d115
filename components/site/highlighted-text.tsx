import type { HighlightSegment } from "@/lib/search-query";

/** Search hits in <mark>; every segment is React text, so nothing is injected as HTML. */
export function HighlightedText({ segments }: { segments: HighlightSegment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
