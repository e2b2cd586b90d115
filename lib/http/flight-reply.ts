/**
 * A server action's arguments arrive in React's reply format: JSON in which a
 * string starting with "$" is either a plain value ("$undefined", "$D2026-…",
 * "$$escaped") or a reference to another part of the body ("$@1", "$Q2",
 * "$B3", "$4:path"). React throws, and Next answers 500, when a part is not
 * JSON or a reference points at a part that was never sent. This finds those
 * before the action is decoded, so the answer can be a 400.
 */

/** name → text, or "file" for a file part. A plain-text body is the single part "0". */
export type ReplyParts = Map<string, string | "file">;

/** Tags that carry their value inline. */
const VALUE_TAGS = new Set(["$", "H", "T", "K", "I", "-", "N", "u", "D", "n"]);
/** Tags whose part must be a file (Blob and typed-array references). */
const BLOB_TAGS = new Set(["B", "A", "O", "o", "U", "S", "s", "L", "l", "G", "g", "M", "m", "V"]);
/** Other one-letter tags followed by a part id; "$<hex>" with no tag is an outlined model. */
const MODEL_TAGS = new Set(["@", "h", "Q", "W", "i", "R", "r", "X", "x"]);
/**
 * Promises and streams may name a part sent later. Everything else must name
 * an earlier part: React's client writes a value's parts before the value, and
 * the server, reading the body as it streams in, throws on a forward reference.
 */
const MAY_POINT_FORWARD = new Set(["@", "R", "r", "X", "x"]);

export function flightReplyProblem(parts: ReplyParts): string | null {
  const root = parts.get("0");
  if (root === undefined || root === "file") return "The action's arguments are missing.";
  const position = new Map([...parts.keys()].map((name, i) => [name, i]));
  for (const [name, part] of parts) {
    if (!/^\d+$/.test(name) || part === "file") continue; // form fields ("1_title") and files are plain values
    let model: unknown;
    try {
      model = JSON.parse(part);
    } catch {
      return `Part ${name} of the action's arguments is not valid JSON.`;
    }
    const problem = referenceProblem(model, { parts, position, at: position.get(name)! });
    if (problem) return problem;
  }
  return null;
}

type Context = { parts: ReplyParts; position: Map<string, number>; at: number };

/** Walks without recursion: a deeply nested body must not exhaust the stack here either. */
function referenceProblem(model: unknown, context: Context): string | null {
  const stack: unknown[] = [model];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "string") {
      const problem = value.startsWith("$") ? checkReference(value, context) : null;
      if (problem) return problem;
    } else if (value !== null && typeof value === "object") {
      // One by one: spreading an array of a million items would overflow the stack.
      for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push(child);
    }
  }
  return null;
}

function checkReference(value: string, { parts, position, at }: Context): string | null {
  const tag = value[1] ?? "";
  if (tag === "n" && !/^\$n-?\d{1,300}$/.test(value)) return `"${clip(value)}" is not a valid number.`;
  if (VALUE_TAGS.has(tag)) return null;
  const wantsFile = BLOB_TAGS.has(tag);
  const idText = (wantsFile || MODEL_TAGS.has(tag) ? value.slice(2) : value.slice(1)).split(":")[0]!;
  if (!/^[0-9a-f]+$/.test(idText)) return `"${clip(value)}" is not a reference this server understands.`;
  const name = String(parseInt(idText, 16));
  const part = parts.get(name);
  if (part === undefined) return `"${clip(value)}" refers to a part of the request that was not sent.`;
  if (!MAY_POINT_FORWARD.has(tag) && position.get(name)! >= at) return `"${clip(value)}" refers to a part that comes after it.`;
  if (wantsFile !== (part === "file")) return `"${clip(value)}" refers to a part of the wrong kind.`;
  return null;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
