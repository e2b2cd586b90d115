import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret, env } from "./env";

/** The bearer token the scheduler tick (or an external cron) presents to /api/scheduler/run. */
export function schedulerToken(): string {
  return env().SCHEDULER_SECRET ?? createHmac("sha256", authSecret()).update("koho-scheduler").digest("base64url");
}

export function isSchedulerRequest(headers: Headers): boolean {
  const presented = headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  const a = Buffer.from(presented);
  const b = Buffer.from(schedulerToken());
  return a.length === b.length && timingSafeEqual(a, b);
}
