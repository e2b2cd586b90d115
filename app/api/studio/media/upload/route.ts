import { toActionError } from "@/lib/errors";
import { crossOriginProblem } from "@/lib/http/same-origin";
import { uploadMediaFromRequest } from "@/server/media/upload";

const PRIVATE = { "Cache-Control": "private, no-store" };

/** One image per request (multipart field "file"), so the library page can show progress per file. */
export async function POST(request: Request) {
  // A route handler gets none of the Origin check Next gives server actions, and the
  // session cookie would ride along on a cross-site form post; refuse before reading anything.
  const crossOrigin = crossOriginProblem(request.headers);
  if (crossOrigin) return Response.json({ error: { code: "forbidden:request", message: crossOrigin } }, { status: 403, headers: PRIVATE });
  try {
    const media = await uploadMediaFromRequest(request);
    return Response.json({ media }, { status: 201, headers: PRIVATE });
  } catch (error) {
    const e = toActionError(error);
    const status = e.code === "bad_request:media" && e.details && "limit" in e.details ? 413 : e.status;
    const headers: Record<string, string> = { ...PRIVATE };
    if (e.details && "retryAfterSeconds" in e.details) headers["Retry-After"] = String(e.details.retryAfterSeconds);
    return Response.json({ error: { code: e.code, message: e.message } }, { status, headers });
  }
}
