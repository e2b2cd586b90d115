import { AppError } from "@/lib/errors";
import { crossOriginProblem } from "@/lib/http/same-origin";
import { uploadMediaFromRequest } from "@/server/media/upload";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * One image per request (multipart field "file"), so the library page can show
 * progress per file. Refusals are AppErrors: 413 (too_large) over the size
 * limit, 429 with Retry-After while the processing queue is full.
 */
export async function POST(request: Request) {
  // A route handler gets none of the Origin check Next gives server actions, and the
  // session cookie would ride along on a cross-site form post; refuse before reading anything.
  const crossOrigin = crossOriginProblem(request.headers);
  if (crossOrigin) return new AppError("forbidden:request", crossOrigin).toResponse(PRIVATE);
  try {
    const media = await uploadMediaFromRequest(request);
    return Response.json({ media }, { status: 201, headers: PRIVATE });
  } catch (error) {
    return AppError.from(error).toResponse(PRIVATE);
  }
}
