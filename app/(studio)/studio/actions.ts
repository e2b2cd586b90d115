"use server";

import { signOut } from "@/auth";
import { recordSignOut } from "@/server/auth/sign-out";

export async function signOutAction() {
  await recordSignOut();
  await signOut({ redirectTo: "/sign-in" });
}
