"use server";

import { signOut } from "@/auth";

/** The studio's Sign out button. The audit entry is written by Auth.js's signOut event (server/auth/sign-out.ts), as for POST /api/auth/signout. */
export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
