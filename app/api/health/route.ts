import { connection } from "next/server";
import { checkHealth } from "@/server/health";

/**
 * For load balancers and monitoring: 200 when the database answers, its
 * migrations match this build and the scheduler has ticked recently; 503 with
 * the failing checks otherwise. Never cached, never prerendered.
 */
export async function GET() {
  await connection();
  const report = await checkHealth();
  return Response.json(report, { status: report.healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
