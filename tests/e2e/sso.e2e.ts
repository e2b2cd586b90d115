import { spawn, type ChildProcess } from "node:child_process";
import { and, desc, eq, gt } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Handle } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { StudioSignIn } from "./pages/studio-sign-in";
import { launchBrowser } from "./support/browser";
import { E2E_AUTH_SECRET } from "./support/global-setup";
import { E2E_DIST_DIR, FRONT_SERVER } from "./support/readers-processes";
import { freePort, signInAtProvider, startOidcServer, type OidcServer } from "./support/oidc-server";

/**
 * Single sign-on against a real OpenID Connect provider. The global setup's
 * server runs without SSO, so this file starts a second `next start` of the
 * same build, pointed at the same database, with the OIDC settings.
 */
const SSO_NAME = "City Hall ID";
const FORMER_EMAIL = "former.staff@koho.example";

let oidc: OidcServer;
let app: ChildProcess;
let appURL: string;
let browser: Browser;
let db: Handle;

async function waitForServer(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The SSO test server did not answer at ${url} within ${timeoutMs} ms`);
}

/** Sign-in page → "Sign in with City Hall ID" → the provider's login and consent → back to the studio. */
async function signInThroughProvider(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const signIn = new StudioSignIn(page, appURL);
  await signIn.open();
  expect(await signIn.ssoButton().innerText()).toBe(`Sign in with ${SSO_NAME}`);
  await Promise.all([page.waitForURL((url) => url.origin === oidc.issuer), signIn.ssoButton().click()]);
  await signInAtProvider(page, email);
  await page.waitForURL((url) => url.origin === appURL && !url.pathname.startsWith("/api/auth"), { timeout: 20_000 });
  return page;
}

async function auditSince(since: Date, label: string) {
  return db.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorLabel, label), eq(auditLog.action, "auth.sign_in"), gt(auditLog.at, since)))
    .orderBy(desc(auditLog.id));
}

beforeAll(async () => {
  const port = await freePort();
  appURL = `http://localhost:${port}`;
  oidc = await startOidcServer({
    redirectUris: [`${appURL}/api/auth/callback/oidc`],
    people: [
      { email: "editor@koho.example", name: "Eiji Editor" },
      { email: "visitor@city.example", name: "A Visitor" },
      { email: "publisher@koho.example", name: "Perri Publisher", emailVerified: false },
      { email: FORMER_EMAIL, name: "Former Staff" },
    ],
  });
  db = await openDatabase(inject("databaseUrl"));
  await db.db.insert(users).values({ email: FORMER_EMAIL, name: "Former Staff", role: "editor", active: false }).onConflictDoNothing();

  app = spawn(process.execPath, [FRONT_SERVER, "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: inject("databaseUrl"),
      NEXT_DIST_DIR: E2E_DIST_DIR,
      SITE_URL: appURL,
      AUTH_URL: appURL,
      AUTH_SECRET: E2E_AUTH_SECRET,
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: oidc.clientId,
      OIDC_CLIENT_SECRET: oidc.clientSecret,
      OIDC_NAME: SSO_NAME,
      NEXT_TELEMETRY_DISABLED: "1",
      // The global setup's server already runs the publishing scheduler on this database.
      SCHEDULER: "off",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitForServer(`${appURL}/sign-in`, app);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  await oidc?.close();
  db?.client.close();
});

describe("single sign-on through an OpenID Connect provider", () => {
  it("signs the demo editor into the studio by their verified email, and logs it", async () => {
    const since = new Date(Date.now() - 1000);
    const page = await signInThroughProvider("editor@koho.example");
    expect(new URL(page.url()).pathname).toBe("/studio");
    expect(await page.locator(".studio-user").innerText()).toContain("Eiji Editor (Editor)");
    expect(await page.locator("h1").innerText()).toBe("Dashboard");

    const [row] = await auditSince(since, "editor@koho.example");
    const [editor] = await db.db.select().from(users).where(eq(users.email, "editor@koho.example"));
    expect(row).toMatchObject({ actorId: editor!.id, outcome: "ok", details: { method: "oidc" } });
  });

  it("refuses a provider account with no staff account: it stays out of the studio and is told why", async () => {
    const since = new Date(Date.now() - 1000);
    const page = await signInThroughProvider("visitor@city.example");
    const url = new URL(page.url());
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("error")).toBe("AccessDenied");
    expect(await new StudioSignIn(page, appURL).alert().innerText()).toBe(
      "Your single sign-on account is not linked to an active staff account. Ask an administrator.",
    );
    await page.goto(`${appURL}/studio`);
    await page.waitForURL((u) => u.pathname === "/sign-in");
    expect(await page.locator(".studio-user").count()).toBe(0);

    const [row] = await auditSince(since, "visitor@city.example");
    expect(row).toMatchObject({ actorId: null, outcome: "failed", details: { method: "oidc", reason: "no_staff_account" } });
  });

  it("refuses an email the provider has not verified, even a staff member's", async () => {
    const since = new Date(Date.now() - 1000);
    const page = await signInThroughProvider("publisher@koho.example");
    expect(new URL(page.url()).searchParams.get("error")).toBe("AccessDenied");
    const [row] = await auditSince(since, "publisher@koho.example");
    expect(row).toMatchObject({ outcome: "failed", details: { method: "oidc", reason: "email_not_verified" } });
  });

  it("refuses a deactivated staff account", async () => {
    const since = new Date(Date.now() - 1000);
    const page = await signInThroughProvider(FORMER_EMAIL);
    expect(new URL(page.url()).searchParams.get("error")).toBe("AccessDenied");
    const [row] = await auditSince(since, FORMER_EMAIL);
    expect(row).toMatchObject({ outcome: "failed", details: { method: "oidc", reason: "deactivated" } });
  });
});
