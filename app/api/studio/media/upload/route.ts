import { toActionError } from "@/lib/errors";
import { uploadMediaFromRequest } from "@/server/media/upload";

const PRIVATE = { "Cache-Control": "private, no-store" };

/** One image per request (multipart field "file"), so the library page can show progress per file. */
export async function POST(request: Request) {
  try {
    const media = await uploadMediaFromRequest(request);
    return Response.json({ media }, { status: 201, headers: PRIVATE });
  } catch (error) {
    const e = toActionError(error);
    const status = e.code === "bad_request:media" && e.details && "limit" in e.details ? 413 : e.status;
    return Response.json({ error: { code: e.code, message: e.message } }, { status, headers: PRIVATE });
  }
}
