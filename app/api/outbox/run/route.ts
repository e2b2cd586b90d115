import { AppError } from "@/lib/errors";
import { isSchedulerRequest } from "@/lib/scheduler-token";
import { drainOutbox } from "@/server/subscriptions/worker";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * One outbox round: subscriber e-mail and WebSub pings for what was published, changed or
 * withdrawn. Called every OUTBOX_INTERVAL_MS by this process (instrumentation.ts), with the
 * scheduler's token; `npm run outbox:worker` runs the same rounds as a process of its own.
 */
export async function POST(request: Request) {
  if (!isSchedulerRequest(request.headers)) {
    return new AppError("unauthorized:scheduler", "A valid scheduler token is required.").toResponse(NO_STORE);
  }
  try {
    return Response.json(await drainOutbox({ budgetMs: 20_000 }), { headers: NO_STORE });
  } catch (error) {
    return AppError.from(error).toResponse(NO_STORE);
  }
}
