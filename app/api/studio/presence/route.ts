import { AppError } from "@/lib/errors";
import { crossOriginProblem } from "@/lib/http/same-origin";
import { handlePresenceRequest } from "@/server/presence/presence";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * The editor's heartbeat, take-over and release (POST JSON `{ kind, id, intent }`).
 * Authenticated and authorized inside server/; answers the presence view, or 204 for a release.
 */
export async function POST(request: Request) {
  // A route handler gets none of the Origin check Next gives server actions; refuse cross-site posts first.
  const crossOrigin = crossOriginProblem(request.headers);
  if (crossOrigin) return new AppError("forbidden:request", crossOrigin).toResponse(PRIVATE);
  try {
    const view = await handlePresenceRequest(await request.text());
    return view ? Response.json(view, { headers: PRIVATE }) : new Response(null, { status: 204, headers: PRIVATE });
  } catch (error) {
    return AppError.from(error).toResponse(PRIVATE);
  }
}
