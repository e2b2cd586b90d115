import { z } from "zod";
import { hashPassword, PASSWORD_MIN_LENGTH } from "@/lib/password";
import type { Database } from "./client";
import { ROLES, users } from "./schema";

export const newStaffSchema = z
  .object({
    email: z.email("Give a valid email address").transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1, "Give the person's name").max(120),
    role: z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}` }),
    password: z.string().min(PASSWORD_MIN_LENGTH, `Passwords need at least ${PASSWORD_MIN_LENGTH} characters`).max(256),
  })
  .strict();

export type NewStaff = z.input<typeof newStaffSchema>;

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
