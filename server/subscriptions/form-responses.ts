import "server-only";
import { env, siteName } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { localizedPath } from "@/lib/languages";
import { encodeFlash, FLASH_COOKIE, FLASH_MAX_AGE_SECONDS, flashValues, type SubscriptionFlash } from "@/lib/subscription-flash";
import { LANGUAGE_HEADER } from "@/server/public/page-language";

/**
 * The answers of the e-mail alert forms' POST routes (app/(site)/email/…): 303 to a page, so a
 * reload never posts again and no JavaScript is needed. Locations are relative (the browser
 * resolves them against the address it used, behind nginx too) and carry no e-mail address.
 */
const NO_STORE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow" };

/** The language proxy.ts read from the form's address ("/ja/email/…"), or the default. */
export function requestLanguage(request: Request): string {
  const languages = env().SITE_LANGUAGES;
  const asked = request.headers.get(LANGUAGE_HEADER);
  return (languages.find((l) => l.code === asked) ?? languages[0]!).code;
}

export function languagePath(language: string, path: string): string {
  const languages = env().SITE_LANGUAGES;
  return localizedPath(languages, languages.some((l) => l.code === language) ? language : languages[0]!.code, path);
}

export function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: location, ...headers } });
}

function flashCookie(value: string, maxAge: number): string {
  const secure = env().SITE_URL.startsWith("https:") ? "; Secure" : "";
  return `${FLASH_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

/** Back to the form with the reader's values and what was wrong with them; anything else is answered as itself. */
export function backToForm(location: string, form: FormData, error: unknown, language: string): Response {
  const e = AppError.from(error);
  const problems: SubscriptionFlash["problems"] | null =
    e.type === "rate_limited"
      ? { form: e.details.scope === "address" ? "tooManyForAddress" : "tooManyFromClient" }
      : e.type === "bad_request" && e.fields
        ? (e.fields as SubscriptionFlash["problems"])
        : null;
  if (!problems) return plainAnswer(e.status, language, e.message, e.message);
  const flash: SubscriptionFlash = { values: flashValues(form), problems };
  const separator = location.includes("?") ? "&" : "?";
  const headers: Record<string, string> = { "Set-Cookie": flashCookie(encodeFlash(flash), FLASH_MAX_AGE_SECONDS) };
  if (e.details.retryAfterSeconds !== undefined) headers["Retry-After"] = String(e.details.retryAfterSeconds);
  return seeOther(`${location}${separator}problem=1`, headers);
}

/** Once the form went through, the values it held are not kept in the browser either. */
export function clearFlash(): Record<string, string> {
  return { "Set-Cookie": flashCookie("", 0) };
}

/** A form body, or null when the request carried none that can be read. */
export async function readForm(request: Request): Promise<FormData | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) return null;
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/** A short HTML answer for a request no page can be shown for (a broken body, a forged field). */
export function plainAnswer(status: number, language: string, title: string, body: string): Response {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  const html = `<!doctype html><html lang="${esc(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1><p>${esc(body)}</p><p><a href="${esc(languagePath(language, "/"))}">${esc(siteName(language).name)}</a></p></main></body></html>`;
  // Not one of proxy.ts's pages (no nonce to give): a policy that allows nothing but the page itself.
  const policy = "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  return new Response(html, {
    status,
    headers: { ...NO_STORE, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": policy },
  });
}
