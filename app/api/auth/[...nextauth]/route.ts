import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { AppError } from "@/lib/errors";
import { assertNotThrottled } from "@/server/auth/credentials";
import { clientIp } from "@/server/auth/request-ip";

export const GET = handlers.GET;

/** Direct posts of credentials get a real 429 while the account or address is locked out. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "")
      .trim()
      .toLowerCase();
    try {
      await assertNotThrottled(email, clientIp(request.headers));
    } catch (error) {
      // The one error shape; Retry-After comes from the lock's details.retryAfterSeconds.
      if (error instanceof AppError && error.type === "rate_limited") return error.toResponse();
      throw error;
    }
  }
  return handlers.POST(request);
}
