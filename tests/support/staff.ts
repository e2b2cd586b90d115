import type { Database } from "@/db/client";
import { users, type Role } from "@/db/schema";

/** The demo staff of a seeded test database, by role. */
export async function staffByRole(db: Database): Promise<Record<Role, { id: number; email: string; sessionVersion: number }>> {
  const rows = await db.select().from(users);
  const pick = (role: Role) => {
    const u = rows.find((r) => r.role === role);
    if (!u) throw new Error(`No ${role} in the test database`);
    return { id: u.id, email: u.email, sessionVersion: u.sessionVersion };
  };
  return { writer: pick("writer"), editor: pick("editor"), publisher: pick("publisher"), admin: pick("admin") };
}
