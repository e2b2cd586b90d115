/**
 * The `Next-Router-State-Tree` header: the client router's tree of segments,
 * URI-encoded JSON. Next parses it on every RSC request and answers 500 when
 * it is malformed; this is the same check (size, encoding, shape) made first
 * so the answer can be a 400. Shape, from next/dist/server/app-render/types.js:
 * [segment, { [slot]: tree }, [url, refresh]?|null, refetch-marker?|null, number?|null, string?]
 * where segment is a string or [name, cacheKey, paramType, siblings[]|null].
 */
const MAX_LENGTH = 20 * 2000; // Next's own limit
const PARAM_TYPES = new Set(["c", "ci(..)(..)", "ci(.)", "ci(..)", "ci(...)", "oc", "d", "di(..)(..)", "di(.)", "di(..)", "di(...)"]);
const MARKERS = new Set(["refetch", "inside-shared-layout", "metadata-only"]);

export function routerStateProblem(header: string): string | null {
  if (header.length > MAX_LENGTH) return "The Next-Router-State-Tree header is too large.";
  let state: unknown;
  try {
    state = JSON.parse(decodeURIComponent(header));
  } catch {
    return "The Next-Router-State-Tree header is not URI-encoded JSON.";
  }
  const stack: unknown[] = [state];
  while (stack.length > 0) {
    const tree = stack.pop();
    if (!isTree(tree)) return "The Next-Router-State-Tree header does not describe a route tree.";
    stack.push(...Object.values(tree[1]));
  }
  return null;
}

function isTree(value: unknown): value is [unknown, Record<string, unknown>, ...unknown[]] {
  if (!Array.isArray(value) || value.length < 2 || value.length > 6) return false;
  const [segment, children, url, marker, n, s] = value as unknown[];
  if (!isSegment(segment)) return false;
  if (typeof children !== "object" || children === null || Array.isArray(children)) return false;
  if (url != null && !(Array.isArray(url) && url.length === 2 && url.every((x) => typeof x === "string"))) return false;
  if (marker != null && !MARKERS.has(marker as string)) return false;
  if (n != null && typeof n !== "number") return false;
  return s === undefined || typeof s === "string";
}

function isSegment(value: unknown): boolean {
  if (typeof value === "string") return true;
  if (!Array.isArray(value) || value.length !== 4) return false;
  const [name, key, type, siblings] = value as unknown[];
  return (
    typeof name === "string" &&
    typeof key === "string" &&
    PARAM_TYPES.has(type as string) &&
    (siblings === null || (Array.isArray(siblings) && siblings.every((x) => typeof x === "string")))
  );
}
