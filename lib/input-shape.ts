/**
 * Any decoded JSON or form input nested deeper or larger than this is refused
 * before zod sees it: zod's parser recurses once per level, so a few hundred
 * levels would exhaust the stack (a 500) instead of getting a 400.
 * Article bodies have their own tighter limits (lib/content/document-schema.ts).
 */
export const MAX_INPUT_DEPTH = 64;
export const MAX_INPUT_NODES = 100_000;

/** Why `input` is too deep or too big to parse, or null. Iterative, so it cannot overflow itself. */
export function inputShapeProblem(input: unknown, maxDepth = MAX_INPUT_DEPTH, maxNodes = MAX_INPUT_NODES): string | null {
  const stack: Array<[unknown, number]> = [[input, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > maxDepth) return `The request is nested more than ${maxDepth} levels deep.`;
    if (++nodes > maxNodes) return `The request has more than ${maxNodes.toLocaleString("en")} parts.`;
    if (typeof value === "object" && value !== null) {
      for (const child of Object.values(value)) if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
    }
  }
  return null;
}
