import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import type { Provider } from "next-auth/providers";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { authSecret, env } from "@/lib/env";
import { authenticateWithOidc, authenticateWithPassword, type SignedInUser } from "@/server/auth/credentials";
import { findSignInIdentityByEmail } from "@/server/auth/identity";
import { clientIp } from "@/server/auth/request-ip";
import { isTokenSessionLive, openSession } from "@/server/auth/sessions";
import { authEvents } from "@/server/auth/sign-out";

/** Carries the reason to the sign-in form without hinting which of email or password was wrong. */
class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "rate_limited", message: string) {
    super(message);
    this.code = code;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(256),
});

/** Idle limit: the cookie lapses 8 h after its last use. Sessions also end 12 h after sign-in (server/auth/sessions.ts). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * The client's address. signIn() called from a server action (the sign-in
 * form) builds the config without a request, so the action's own request
 * headers are read instead; without them the form would skip the per-address
 * throttle.
 */
async function addressOf(request: Request | undefined): Promise<string | null> {
  if (request) return clientIp(request.headers);
  try {
    return clientIp(await headers());
  } catch {
    return null; // outside any request
  }
}

function providers(ipOf: () => Promise<string | null>): Provider[] {
  const list: Provider[] = [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("invalid", "Enter your email and password.");
        try {
          return toAuthUser(await authenticateWithPassword({ ...parsed.data, ip: await ipOf() }));
        } catch (error) {
          if (error instanceof AppError && error.type === "rate_limited") throw new SignInRefused("rate_limited", error.message);
          if (error instanceof AppError) throw new SignInRefused("invalid", error.message);
          throw error;
        }
      },
    }),
  ];
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = env();
  if (OIDC_ISSUER && OIDC_CLIENT_ID && OIDC_CLIENT_SECRET) {
    list.push({
      id: "oidc",
      name: OIDC_NAME,
      type: "oidc",
      issuer: OIDC_ISSUER,
      clientId: OIDC_CLIENT_ID,
      clientSecret: OIDC_CLIENT_SECRET,
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
    });
  }
  return list;
}

function toAuthUser(user: SignedInUser) {
  return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * A refused sign-in (wrong password, rate limit, a single sign-on account with no staff
 * record) is an everyday outcome already written to the audit log: one line, without
 * Auth.js's ten-line stack. Anything else is a fault and keeps its stack.
 */
const logger: NextAuthConfig["logger"] = {
  error(error) {
    if (error instanceof AuthError && (error.type === "CredentialsSignin" || error.type === "AccessDenied")) {
      const reason = error instanceof CredentialsSignin ? error.code : "no matching staff account";
      console.warn(`[auth] sign-in refused (${reason})`);
      return;
    }
    const cause = error.cause instanceof Object && "err" in error.cause ? error.cause.err : undefined;
    console.error(`[auth] ${error instanceof AuthError ? error.type : error.name}: ${error.message}`, cause ?? error);
  },
};

function config(request?: Request): NextAuthConfig {
  const ipOf = () => addressOf(request);
  return {
    secret: authSecret(),
    trustHost: true,
    logger,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(ipOf),
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const staff = await authenticateWithOidc({
          email: typeof profile?.email === "string" ? profile.email : null,
          emailVerified: profile?.email_verified === true,
          ip: await ipOf(),
        });
        return staff !== null;
      },
      // Sign-in opens a server-side session whose id the JWT carries; every later read checks it is still live.
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc" && typeof profile?.email === "string") {
          const staff = await findSignInIdentityByEmail(profile.email);
          if (!staff) return null;
          return {
            ...token,
            uid: staff.id,
            sv: staff.sessionVersion,
            name: staff.name,
            email: staff.email,
            ...(await openSession(staff.id)),
          };
        }
        if (user && "sessionVersion" in user) {
          return { ...token, uid: Number(user.id), sv: Number(user.sessionVersion), ...(await openSession(Number(user.id))) };
        }
        return (await isTokenSessionLive(token)) ? token : null;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid as number, sv: token.sv as number };
      },
    },
    // Both the studio's sign-out button and POST /api/auth/signout end up here (session revoked, auth.sign_out audited).
    events: authEvents,
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth((request) => config(request));
