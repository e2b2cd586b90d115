import type { Metadata } from "next";
import { Suspense } from "react";
import { FocusPageHeading } from "@/components/studio/focus-page-heading";
import { SignInForm } from "@/components/studio/sign-in-form";
import { env } from "@/lib/env";
import "../../(studio)/studio/studio.css";
import { signInWithOidc, signInWithPassword } from "./actions";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false, follow: false } };

const ERROR_MESSAGES: Record<string, string> = {
  AccessDenied: "Your single sign-on account is not linked to an active staff account. Ask an administrator.",
  Configuration: "Sign-in is not available right now. Try again, or contact an administrator.",
};

async function SignInPanel({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : "/studio";
  const error = typeof params.error === "string" ? (ERROR_MESSAGES[params.error] ?? null) : null;
  const { OIDC_ISSUER, OIDC_NAME } = env();
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <SignInForm action={signInWithPassword} callbackUrl={callbackUrl} />
      {OIDC_ISSUER && (
        <form action={signInWithOidc} className="sso">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <p>or</p>
          <button type="submit" className="button">
            Sign in with {OIDC_NAME}
          </button>
        </form>
      )}
    </>
  );
}

export default function SignInPage(props: PageProps<"/sign-in">) {
  return (
    <main className="sign-in">
      {/* Signing out (or a session running out) lands here by client navigation: focus the heading. */}
      <FocusPageHeading />
      <h1 tabIndex={-1}>Staff sign-in</h1>
      <p className="lede">The newsroom studio is for press office staff.</p>
      <Suspense fallback={<p>Loading…</p>}>
        <SignInPanel searchParams={props.searchParams} />
      </Suspense>
    </main>
  );
}
