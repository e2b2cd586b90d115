import { desc, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Handle } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { StudioAudit } from "./pages/studio-audit";
import { StudioSignIn } from "./pages/studio-sign-in";
import { StudioUsers } from "./pages/studio-users";
import { accessibilityViolations, launchBrowser } from "./support/browser";

let browser: Browser;
let db: Handle;
const baseURL = () => inject("baseURL");

async function signedInPage(email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new StudioSignIn(page, baseURL()).signIn(email, password);
  return page;
}

/** The studio as that browser now sees it: still signed in, or sent back to sign-in. */
async function studioPath(page: Page) {
  await page.goto(new URL("/studio", baseURL()).href);
  const quietly = (p: Promise<unknown>) => p.catch(() => undefined);
  await Promise.race([
    quietly(page.waitForURL((url) => url.pathname === "/sign-in", { timeout: 15_000 })),
    quietly(page.locator(".studio-user").waitFor({ timeout: 15_000 })),
  ]);
  return new URL(page.url()).pathname;
}

beforeAll(async () => {
  browser = await launchBrowser();
  db = await openDatabase(inject("databaseUrl"));
});
afterAll(async () => {
  await browser?.close();
  db?.client.close();
});

describe("staff administration in the browser", () => {
  const stamp = Date.now().toString(36);
  const person = { name: `Nao Newcomer ${stamp}`, email: `nao.${stamp}@koho.example`, role: "Writer", password: "first-password-123" };

  it("lets an administrator create an account, change its role and deactivate it, ending the person's sessions each time", async () => {
    const adminPage = await signedInPage("admin@koho.example", "admin-demo-pass");
    const usersPage = new StudioUsers(adminPage, baseURL());
    expect(await usersPage.open()).toBe(200);
    expect(await usersPage.heading()).toBe("Staff");
    expect(await accessibilityViolations(adminPage)).toEqual([]);

    // A short password is refused with a message tied to the field.
    await usersPage.create({ ...person, password: "too-short" });
    expect(await usersPage.createAlert().innerText()).toContain("Passwords need at least 12 characters");
    const password = usersPage.createForm().getByLabel("Initial password", { exact: true });
    expect(await password.getAttribute("aria-invalid")).toBe("true");
    expect(await password.getAttribute("aria-describedby")).toContain("new-staff-password-error");
    expect(await usersPage.createForm().getByLabel("Email", { exact: true }).inputValue()).toBe(person.email);
    expect(await accessibilityViolations(adminPage)).toEqual([]);

    await usersPage.create(person);
    expect(await usersPage.createStatus()).toBe(`Created an account for ${person.name} (${person.email}).`);
    await usersPage.row(person.email).waitFor();
    expect(await usersPage.roleOf(person.email)).toBe("Writer");
    expect(await usersPage.statusOf(person.email)).toBe("Active");
    const [created] = await db.db.select().from(users).where(eq(users.email, person.email));
    expect(created!.passwordHash).toMatch(/^\$argon2id\$/);

    // The newcomer signs in; a role change ends that session on its next request.
    const newcomer = await signedInPage(person.email, person.password);
    expect(await studioPath(newcomer)).toBe("/studio");
    await usersPage.changeRole(person.email, "Editor");
    expect(await usersPage.rowMessages(person.email)).toContain(`${person.name}’s role is now Editor. Their open sessions have ended.`);
    expect(await studioPath(newcomer)).toBe("/sign-in");

    // Signed in again, then deactivated (by keyboard alone): refused at once, and no way back in.
    await new StudioSignIn(newcomer, baseURL()).signIn(person.email, person.password);
    expect(await studioPath(newcomer)).toBe("/studio");
    await usersPage.deactivateWithKeyboard(person.email);
    expect(await usersPage.statusOf(person.email)).toBe("Deactivated");
    expect(await studioPath(newcomer)).toBe("/sign-in");
    const signIn = new StudioSignIn(newcomer, baseURL());
    await signIn.open();
    await newcomer.locator("#email").fill(person.email);
    await newcomer.locator("#password").fill(person.password);
    await newcomer.getByRole("button", { name: "Sign in", exact: true }).click();
    expect(await signIn.alert().innerText()).toBe("That email and password do not match a staff account.");
    expect(await accessibilityViolations(adminPage)).toEqual([]);

    // The audit log shows each step, newest first, to the administrator.
    const audit = new StudioAudit(adminPage, baseURL());
    expect(await audit.open()).toBe(200);
    const rows = await audit.rows();
    const target = `user ${created!.id}`;
    const mine = rows.filter((r) => r.target === target).map((r) => `${r.action} ${r.outcome} ${r.who}`);
    expect(mine).toEqual([
      "user.deactivate Done admin@koho.example",
      "user.role_change Done admin@koho.example",
      "user.create Done admin@koho.example",
    ]);
    expect(rows.find((r) => r.action === "user.role_change" && r.target === target)!.details).toMatch(/from\s*writer\s*to\s*editor/);
    expect(rows[0]!.when).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} JST$/);
    expect(rows.some((r) => r.action === "auth.sign_in" && r.outcome === "Failed" && r.who === person.email)).toBe(true);
    expect(await accessibilityViolations(adminPage)).toEqual([]);

    await audit.filter({ action: "user.role_change" });
    const filtered = await audit.rows();
    expect(filtered.length).toBeGreaterThan(0);
    expect(new Set(filtered.map((r) => r.action))).toEqual(new Set(["user.role_change"]));
    expect(await accessibilityViolations(adminPage)).toEqual([]);
  });

  it("keeps staff and audit pages to administrators, and logs the refusals", async () => {
    const editor = await signedInPage("editor@koho.example", "editor-demo-pass");
    const nav = await editor.getByRole("navigation", { name: "Studio" }).getByRole("link").allInnerTexts();
    expect(nav).toContain("Dashboard");
    expect(nav).not.toContain("Staff");
    expect(nav).not.toContain("Audit log");
    const usersPage = new StudioUsers(editor, baseURL());
    await usersPage.open();
    expect(await editor.locator('main [role="alert"]').innerText()).toBe("Only administrators can manage staff accounts.");
    expect(await editor.locator("table").count()).toBe(0);
    await new StudioAudit(editor, baseURL()).open();
    expect(await editor.locator('main [role="alert"]').innerText()).toBe("Only administrators can read the audit log.");

    const denials = await db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorLabel, "editor@koho.example"))
      .orderBy(desc(auditLog.id))
      .limit(5);
    expect(denials.filter((d) => d.outcome === "denied").map((d) => d.action)).toEqual(expect.arrayContaining(["user.list", "audit.view"]));
  });
});
