import { AppError } from "@/lib/errors";
import { isSchedulerRequest } from "@/lib/scheduler-token";
import { expirePublicTags } from "@/server/cache-invalidation";
import { publishDue } from "@/server/editorial/scheduler";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * One scheduler tick: publishes what is due, of every content type, and
 * expires the public pages it touched. Called every few seconds by this
 * process (instrumentation.ts) or, with several app processes, by one of them
 * or an external cron.
 */
export async function POST(request: Request) {
  if (!isSchedulerRequest(request.headers)) {
    return new AppError("unauthorized:scheduler", "A valid scheduler token is required.").toResponse(NO_STORE);
  }
  try {
    const run = await publishDue();
    expirePublicTags(run.expireTags);
    const published = Object.entries(run.published).flatMap(([kind, ids]) => ids.map((id) => ({ kind, id })));
    const failed = Object.entries(run.failed).flatMap(([kind, rows]) => rows.map((row) => ({ kind, ...row })));
    return Response.json({ published, failed, ranAt: run.ranAt }, { headers: NO_STORE });
  } catch (error) {
    return AppError.from(error).toResponse(NO_STORE);
  }
}
