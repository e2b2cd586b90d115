import { expirePublicTags } from "@/server/cache-invalidation";
import { publishDueEditions } from "@/server/workflow/scheduler";
import { publishDueListEditions } from "@/server/lists/scheduler";
import { isSchedulerRequest } from "@/lib/scheduler-token";

/**
 * One scheduler tick: publishes what is due and expires the public pages it
 * touched. Called every few seconds by this process (instrumentation.ts) or,
 * with several app processes, by one of them or an external cron.
 */
export async function POST(request: Request) {
  if (!isSchedulerRequest(request.headers)) {
    return Response.json({ error: "unauthorized:scheduler", message: "A valid scheduler token is required." }, { status: 401 });
  }
  const run = await publishDueEditions();
  expirePublicTags([...run.expireTags, ...(await publishDueListEditions()).expireTags]);
  return Response.json({ published: run.published, failed: run.failed, ranAt: run.ranAt }, { headers: { "Cache-Control": "no-store" } });
}
