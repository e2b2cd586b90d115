"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn } from "@/auth";
import { AppError, formSuccess, toFormState, type FormState } from "@/lib/errors";
import { assertNotThrottled, GENERIC_SIGN_IN_ERROR } from "@/server/auth/credentials";
import { clientIp } from "@/server/auth/request-ip";

/** A refusal as the one FormState, with what was typed in the email field (never the password) to put back. */
function refused(code: "bad_request:auth" | "unauthorized:auth" | "rate_limited:auth", message: string, email: string): FormState {
  return toFormState(new AppError(code, message, { email }));
}

const formSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(320),
  password: z.string().min(1, "Enter your password.").max(256),
  callbackUrl: z.string().max(500).optional(),
});

/** Only studio paths: a sign-in link must never bounce a person to another site. */
function safeCallback(url: string | undefined) {
  return url && /^\/studio(\/[\w\-/?=&%.]*)?$/.test(url) ? url : "/studio";
}

export async function signInWithPassword(_prev: unknown, formData: FormData): Promise<FormState> {
  const parsed = formSchema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return refused("bad_request:auth", parsed.error.issues[0]!.message, email);
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
    return formSuccess(null); // signIn redirects into the studio on success
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      if (code === "rate_limited") {
        try {
          await assertNotThrottled(parsed.data.email.toLowerCase(), clientIp(await headers()));
        } catch (locked) {
          if (locked instanceof AppError) return refused("rate_limited:auth", locked.message, email);
        }
      }
      return refused("unauthorized:auth", GENERIC_SIGN_IN_ERROR, email);
    }
    throw error; // the redirect into the studio
  }
}

export async function signInWithOidc(formData: FormData) {
  const callbackUrl = formData.get("callbackUrl");
  await signIn("oidc", { redirectTo: safeCallback(typeof callbackUrl === "string" ? callbackUrl : undefined) });
}
