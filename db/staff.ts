import { hashPassword } from "@/lib/password";
import { newStaffSchema, type NewStaff } from "@/lib/staff-input";
import type { Database } from "./client";
import { users } from "./schema";

export type { NewStaff };

/** Creates a staff account outside the web UI (first admin, scripted installs). */
export async function createStaffAccount(db: Database, input: NewStaff) {
  const data = newStaffSchema.parse(input);
  const existing = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, data.email) });
  if (existing) throw new Error(`A staff account for ${data.email} already exists`);
  const [row] = await db
    .insert(users)
    .values({ email: data.email, name: data.name, role: data.role, passwordHash: await hashPassword(data.password) })
    .returning({ id: users.id, email: users.email, role: users.role });
  return row!;
}
