import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import type { Handle } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import { E2E_AUTH_SECRET } from "./global-setup";

/**
 * Raw server-action requests, as an outside tester sends them: no browser,
 * just the action id from the build's manifest and a signed session cookie.
 */
type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

export function actionId(exportedName: string): string {
  const dist = process.env.E2E_DIST_DIR ?? ".next-e2e";
  const manifest = JSON.parse(readFileSync(join(dist, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, info]) => info.exportedName === exportedName);
  if (!found) throw new Error(`No server action named ${exportedName} in the build`);
  return found[0];
}

/**
 * The cookie a signed-in staff member's browser carries (http, so no __Secure- prefix), with the
 * server-side session row a real sign-in opens (server/auth/sessions.ts): a cookie without a live
 * row is refused, as after sign-out.
 */
export async function sessionCookie(db: Handle, email: string): Promise<string> {
  const [user] = await db.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No staff member ${email}`);
  const sid = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + 12 * 60 * 60 * 1000);
  const idHash = createHash("sha256").update(sid).digest("hex");
  await db.db.insert(authSessions).values({ idHash, userId: user.id, createdAt: new Date(), expiresAt });
  const name = "authjs.session-token";
  const token = await encode({
    token: {
      sub: String(user.id),
      uid: user.id,
      sv: user.sessionVersion,
      name: user.name,
      email: user.email,
      sid,
      sexp: expiresAt.getTime(),
    },
    secret: E2E_AUTH_SECRET,
    salt: name,
  });
  return `${name}=${token}`;
}

export type ActionPost = { path: string; action: string; body: BodyInit; cookie?: string; headers?: Record<string, string> };

/** POSTs like Next's client does for a fetch action; `headers` can override or drop (empty string) any of them. */
export function postAction(baseURL: string, { path, action, body, cookie, headers = {} }: ActionPost) {
  const all: Record<string, string> = {
    accept: "text/x-component",
    "next-action": action,
    origin: new URL(baseURL).origin,
    "sec-fetch-site": "same-origin",
    ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
    ...(cookie ? { cookie } : {}),
    ...headers,
  };
  const sent = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== ""));
  return fetch(new URL(path, baseURL), { method: "POST", headers: sent, body, redirect: "manual" });
}
