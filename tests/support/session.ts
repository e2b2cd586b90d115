import { vi } from "vitest";

/**
 * The session the mocked `auth()` returns: what a signed cookie would carry.
 * The real checks (account exists, active, same session version, capability)
 * still run in server/auth/current-user.ts against the test database.
 */
let session: { uid: number; sv: number } | null = null;

export function actAs(user: { id: number; sessionVersion: number } | null) {
  session = user ? { uid: user.id, sv: user.sessionVersion } : null;
}

vi.mock("@/auth", () => ({
  auth: async () => session,
  signIn: async () => {},
  signOut: async () => {},
}));
