import { flightReplyProblem, type ReplyParts } from "./flight-reply";
import { hasMalformedPercentEncoding } from "./path";
import { routerStateProblem } from "./router-state";
import { bodyLengthProblem, crossOriginProblem } from "./same-origin";

/**
 * Refusals for requests Next would otherwise answer with a bare 500 (its
 * action handler answers every error of a fetch action, even its own 413,
 * with status 500). proxy.ts runs this before Next parses the request, so
 * nothing reaches an action. Plain Request in, plain data out: no Next here.
 */
export type Refusal = { status: number; code: string; message: string; page?: string };

/** The same limit as experimental.serverActions.bodySizeLimit in next.config.ts. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export async function refusalFor(request: Request, pathname: string): Promise<Refusal | null> {
  if (hasMalformedPercentEncoding(pathname)) return MALFORMED_ADDRESS;
  const routerState = request.headers.get("next-router-state-tree");
  const stateProblem = routerState === null ? null : routerStateProblem(routerState);
  if (stateProblem) return { status: 400, code: "bad_request:request", message: stateProblem };

  const contentType = request.headers.get("content-type") ?? "";
  const isFetchAction = request.headers.has("next-action");
  // Without JavaScript a form posts multipart to the page itself; API routes are not actions.
  const isFormAction = contentType.startsWith("multipart/form-data") && !pathname.startsWith("/api/");
  if (request.method !== "POST" || !(isFetchAction || isFormAction)) return null;

  const crossOrigin = crossOriginProblem(request.headers);
  if (crossOrigin) return { status: 403, code: "forbidden:request", message: crossOrigin };
  const length = bodyLengthProblem(request.headers, ACTION_BODY_LIMIT);
  if (length) return { status: length.status, code: "bad_request:request", message: length.message };
  if (!isFetchAction) return null;
  const replyProblem = flightReplyProblem(await replyParts(request, contentType));
  return replyProblem ? { status: 400, code: "bad_request:request", message: replyProblem } : null;
}

/** Reads a copy of the body (at most the limit, checked above); Next hands the action the original. */
async function replyParts(request: Request, contentType: string): Promise<ReplyParts> {
  if (!contentType.startsWith("multipart/form-data")) return new Map([["0", await request.clone().text()]]);
  try {
    const form = await request.clone().formData();
    return new Map([...form].map(([name, value]) => [name, typeof value === "string" ? value : "file"]));
  } catch {
    return new Map(); // refused as "arguments missing"
  }
}

const MALFORMED_ADDRESS: Refusal = {
  status: 400,
  code: "bad_request:request",
  message: "The address contains a “%” escape that cannot be decoded.",
  page:
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Bad address</title>' +
    "<h1>This address is not valid</h1><p>It contains a “%” escape that cannot be decoded (a “%” must be followed " +
    'by two hexadecimal digits that spell UTF-8), so it cannot name a page. Check the link you followed, or start from the <a href="/">home page</a>.</p></html>',
};
