import { AppError } from "@/lib/errors";
import { listMedia } from "@/server/media/library";

const PRIVATE = { "Cache-Control": "private, no-store" };

/** The library as JSON for the editor's picker: ?q= searches alt text and captions; ?usable=1 only described images. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  try {
    const media = await listMedia({
      q: url.searchParams.get("q") || undefined,
      from: url.searchParams.get("from") || undefined,
      to: url.searchParams.get("to") || undefined,
      usableOnly: url.searchParams.get("usable") === "1" || undefined,
    });
    return Response.json({ media }, { headers: PRIVATE });
  } catch (error) {
    return AppError.from(error).toResponse(PRIVATE);
  }
}
