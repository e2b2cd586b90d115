import type { Browser, BrowserContext, Cookie } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { StudioSignIn } from "./pages/studio-sign-in";
import { launchBrowser } from "./support/browser";

/**
 * Issue 14: a copied session cookie kept working after its owner signed out
 * (a JWT is valid until it expires). Signing out must end that session on
 * the server at once, for studio pages and /api/auth/session alike, while
 * the same person's other sessions carry on.
 */
let browser: Browser;
const baseURL = () => inject("baseURL");
const url = (path: string) => new URL(path, baseURL()).href;

async function signedIn(email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new StudioSignIn(page, baseURL()).signIn(email, password);
  return { context, page };
}

const sessionCookies = async (context: BrowserContext) => (await context.cookies()).filter((c) => c.name.includes("session-token"));

/** Where a browser holding only these cookies ends up when it opens the studio. */
async function studioPathWith(cookies: Cookie[]) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(url("/studio"));
  const quietly = (p: Promise<unknown>) => p.catch(() => undefined);
  await Promise.race([
    quietly(page.waitForURL((u) => u.pathname === "/sign-in", { timeout: 15_000 })),
    quietly(page.locator(".studio-user").waitFor({ timeout: 15_000 })),
  ]);
  const path = new URL(page.url()).pathname;
  await context.close();
  return path;
}

/** What /api/auth/session answers a plain HTTP client that sends these cookies. */
async function apiSessionWith(cookies: Cookie[]) {
  const response = await fetch(url("/api/auth/session"), { headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") } });
  return (await response.json()) as { user?: { email?: string } } | null;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("signing out ends the session on the server", () => {
  it("refuses a copy of the cookie after the studio's Sign out, and leaves the person's other session alone", async () => {
    const other = await signedIn("editor@koho.example", "editor-demo-pass");
    const { context, page } = await signedIn("editor@koho.example", "editor-demo-pass");
    const copy = await sessionCookies(context);
    expect(copy).not.toHaveLength(0);

    // The copy works while the session is open: the refusal below is the sign-out's doing.
    expect(await studioPathWith(copy)).toBe("/studio");
    expect((await apiSessionWith(copy))?.user?.email).toBe("editor@koho.example");

    await Promise.all([page.waitForURL((u) => u.pathname === "/sign-in"), page.getByRole("button", { name: "Sign out" }).click()]);

    expect(await studioPathWith(copy)).toBe("/sign-in");
    expect(await apiSessionWith(copy)).toBeNull();
    // Only that session ended.
    expect((await apiSessionWith(await sessionCookies(other.context)))?.user?.email).toBe("editor@koho.example");
    await Promise.all([context.close(), other.context.close()]);
  });

  it("refuses a copy after POST /api/auth/signout (the HTTP sign-in and sign-out flow, no browser)", async () => {
    const jar = new Map<string, string>();
    const keep = (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const at = pair!.indexOf("=");
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
    };
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const csrf = async () => {
      const response = await fetch(url("/api/auth/csrf"), { headers: { cookie: cookie() } });
      keep(response);
      return ((await response.json()) as { csrfToken: string }).csrfToken;
    };
    const post = async (path: string, form: Record<string, string>) => {
      const response = await fetch(url(path), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
        body: new URLSearchParams(form),
        redirect: "manual",
      });
      keep(response);
      return response;
    };

    await post("/api/auth/callback/credentials", {
      email: "publisher@koho.example",
      password: "publisher-demo-pass",
      csrfToken: await csrf(),
    });
    const name = [...jar.keys()].find((k) => k.includes("session-token"));
    expect(name).toBeDefined();
    const copy = [{ name: name!, value: jar.get(name!)!, url: baseURL() }] as unknown as Cookie[];
    expect((await apiSessionWith(copy))?.user?.email).toBe("publisher@koho.example");

    await post("/api/auth/signout", { csrfToken: await csrf() });

    expect(await apiSessionWith(copy)).toBeNull();
    expect(await studioPathWith(copy)).toBe("/sign-in");
  });
});
