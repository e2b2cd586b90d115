import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { messagesFor } from "@/lib/i18n";
import { env } from "@/lib/env";
import { localizedPath, type LanguageInfo } from "@/lib/languages";
import { decodeFlash, FLASH_COOKIE, type SubscriptionFlash } from "@/lib/subscription-flash";
import { SitePage } from "./site-page";
import "./subscription.css";

/**
 * The e-mail alert pages: for one reader, never indexed, never shared by a cache (proxy.ts sends
 * them `private, no-store`; nginx passes them through), and their links' tokens are not sent on
 * to other sites in a Referer.
 */
export function subscriptionMetadata(title: string): Metadata {
  return {
    title,
    robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
    referrer: "no-referrer",
  };
}

/** `path` is the default language's address of this page, for the language switcher. */
export function SubscriptionPage({ language, path, children }: { language: LanguageInfo; path: string; children: ReactNode }) {
  return (
    <SitePage language={language} path={path}>
      {children}
    </SitePage>
  );
}

/** The refused form's values and problems, when the page was reached by that refusal (`?problem`). */
export async function readFlash(problem: string | string[] | undefined): Promise<SubscriptionFlash | null> {
  if (problem === undefined) return null;
  return decodeFlash((await cookies()).get(FLASH_COOKIE)?.value);
}

/** A short page of one message: a result, or why a link does not work. */
export function MessagePage({
  language,
  path,
  title,
  children,
}: {
  language: LanguageInfo;
  path: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <SubscriptionPage language={language} path={path}>
      <h1>{title}</h1>
      {children}
    </SubscriptionPage>
  );
}

export const subscribeMessages = (language: LanguageInfo) => messagesFor(language.code).subscribe;

/** A manage or unsubscribe link that names no one (any more): what happened, and the way back in. */
export function LinkGonePage({ language, path }: { language: LanguageInfo; path: string }) {
  const m = subscribeMessages(language);
  return (
    <MessagePage language={language} path={path} title={m.linkGoneTitle}>
      <p className="lede">{m.errors.linkGone}</p>
      <p>
        <a href={localizedPath(env().SITE_LANGUAGES, language.code, "/subscribe")}>{m.subscribeAgain}</a>
      </p>
    </MessagePage>
  );
}
