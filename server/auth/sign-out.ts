import "server-only";
import { recordAudit } from "../audit";
import { getDatabase } from "../db";
import { getCurrentUser } from "./current-user";

export async function recordSignOut() {
  const user = await getCurrentUser();
  if (user) await recordAudit(await getDatabase(), { actor: user, action: "auth.sign_out", outcome: "ok" });
}
