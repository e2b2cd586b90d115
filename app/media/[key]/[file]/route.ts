import { AppError } from "@/lib/errors";
import { openMediaVariant } from "@/server/media/serve";

const NOT_FOUND_HEADERS = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" };

/**
 * Image variants. Names are random and a file never changes once written, so
 * they are cached for a year as immutable; nosniff keeps browsers to the type we send.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  try {
    const found = await openMediaVariant({ key, file });
    if (!found) return new AppError("not_found:media", "There is no such image.").toResponse(NOT_FOUND_HEADERS);
    return new Response(found.stream, {
      headers: {
        "Content-Type": found.contentType,
        "Content-Length": String(found.size),
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return AppError.from(error).toResponse(NOT_FOUND_HEADERS);
  }
}
