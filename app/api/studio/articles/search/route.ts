import { AppError } from "@/lib/errors";
import { searchPublishedItemsForPicker } from "@/server/lists/picker";

const PRIVATE = { "Cache-Control": "private, no-store" };

/** The list editor's picker: published items whose title matches `?q=`. Authorized inside server/. */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  try {
    return Response.json(await searchPublishedItemsForPicker({ q }), { headers: PRIVATE });
  } catch (error) {
    return AppError.from(error).toResponse(PRIVATE);
  }
}
