import { connection } from "next/server";
import { AppError } from "@/lib/errors";
import { checkHealth } from "@/server/health";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * For load balancers and monitoring: 200 when the database answers, its
 * migrations match this build and the scheduler has ticked recently; 503 with
 * the failing checks otherwise (a report, not an error). A check that throws
 * is a fault of ours: the one error shape, 500. Never cached, never prerendered.
 */
export async function GET() {
  await connection();
  try {
    const report = await checkHealth();
    return Response.json(report, { status: report.healthy ? 200 : 503, headers: NO_STORE });
  } catch (error) {
    return AppError.from(error).toResponse(NO_STORE);
  }
}
