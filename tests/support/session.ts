import type { Role } from "@/db/schema";

/**
 * The session the mocked `auth()` returns: what a signed cookie would carry.
 * The real checks (account exists, active, same session version, capability)
 * still run in server/auth/current-user.ts against the test database.
 */
let session: { uid: number; sv: number } | null = null;

type Account = { id: number; sessionVersion: number };
// The demo staff of this file's database, named by integrationTest() so helpers can act as a role.
let staffByRole: Partial<Record<Role, Account>> = {};

export function rememberStaff(staff: Record<Role, Account>) {
  staffByRole = staff;
}

/** Signs in as one of the demo staff (by role), as any account, or as nobody (null). */
export function actAs(who: Role | Account | null) {
  const user = typeof who === "string" ? staffByRole[who] : who;
  if (user === undefined) throw new Error(`No ${String(who)} on staff: is the file's database seeded (integrationTest())?`);
  session = user ? { uid: user.id, sv: user.sessionVersion } : null;
}

/** What tests/support/auth-stub.ts puts in place of `@/auth` for every test file. */
export const authStub = {
  auth: async () => session,
  signIn: async () => {},
  signOut: async () => {},
};
