import { NextResponse, type NextRequest } from "next/server";

/**
 * Optimistic only: sends visitors without a session cookie to the sign-in
 * page. It is never the security check — server/ verifies the session, the
 * account and the capability on every read and write.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname);
    return NextResponse.redirect(signIn);
  }
  const response = NextResponse.next();
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = { matcher: ["/studio", "/studio/:path*"] };
