import { z } from "zod";
import { AppError } from "@/lib/errors";
import { exportSubscriberData } from "@/server/subscriptions/subscriber-admin";

const PRIVATE = { "Cache-Control": "private, no-store" };
const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * "Export data": everything held about one subscriber as a JSON download, for an administrator
 * answering a privacy request. Authorized and audited inside server/.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/studio/subscribers/[id]/export">) {
  try {
    const id = idSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("bad_request:subscriber", "This address does not name a subscriber record.");
    const data = await exportSubscriberData({ id: id.data });
    return new Response(`${JSON.stringify(data, null, 2)}\n`, {
      headers: {
        ...PRIVATE,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="subscriber-${id.data}-${data.exportedAt.slice(0, 10)}.json"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return AppError.from(error).toResponse(PRIVATE);
  }
}
