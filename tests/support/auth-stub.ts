import { vi } from "vitest";

/**
 * `@/auth` is next-auth, which needs Next's request scope: every test file gets the session stub of
 * tests/support/session.ts instead. A setup file, because test files import server/ (and through it
 * `@/auth`) statically, before any mock a test file's own imports could register.
 */
vi.mock("@/auth", async () => (await import("./session")).authStub);
