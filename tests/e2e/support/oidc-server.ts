import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
// @ts-expect-error -- oidc-provider ships no type declarations; the few members used here are typed below.
import Provider from "oidc-provider";

/** Someone the identity provider knows. `emailVerified: false` models an address the provider has not confirmed. */
export type DirectoryPerson = { email: string; name: string; emailVerified?: boolean };

export type OidcServer = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
};

type ProviderInstance = { callback(): (req: unknown, res: unknown) => void; proxy: boolean };
const OidcProvider = Provider as new (issuer: string, config: Record<string, unknown>) => ProviderInstance;

/** A port that was free a moment ago on the loopback interface. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider, the certified
 * implementation) on a loopback port: discovery, authorization code + PKCE,
 * signed ID tokens. Its built-in development login and consent pages stand in
 * for city hall's sign-in screen; they accept any password, which is all a
 * test of the relying party needs. Plain http on localhost is what the
 * library's development mode allows for code-flow web clients.
 */
export async function startOidcServer({
  redirectUris,
  people,
}: {
  redirectUris: string[];
  people: DirectoryPerson[];
}): Promise<OidcServer> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://localhost:${port}`;
  const clientId = "koho-studio";
  const clientSecret = randomBytes(24).toString("base64url");
  const directory = new Map(people.map((p) => [p.email, p]));

  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Auth.js builds the profile from the ID token, so the requested claims go in it (not only in /userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    async findAccount(_ctx: unknown, sub: string) {
      const person = directory.get(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: person.email, email_verified: person.emailVerified ?? true, name: person.name };
        },
      };
    },
  });
  server.on("request", provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The provider's development sign-in and consent pages, as a person would use them. */
export async function signInAtProvider(page: Page, email: string) {
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("any password: the test provider does not check it");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}
