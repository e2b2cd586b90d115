import "server-only";
import { getDatabase } from "../db";

/** The staff account behind a verified single sign-on email, if active. No audit: the signIn callback already wrote it. */
export async function findSignInIdentityByEmail(email: string) {
  const db = await getDatabase();
  const user = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, email.trim().toLowerCase()) });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}
