import type { Metadata } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { localizedPath } from "@/lib/languages";
import { confirmLinkState } from "@/server/subscriptions/preferences";
import { pageLanguage } from "@/server/public/page-language";
import { MessagePage, subscribeMessages, subscriptionMetadata } from "../../../_components/subscription-page";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return subscriptionMetadata(subscribeMessages(await pageLanguage()).confirmTitle);
}

export const instant = false;

/**
 * The link in the confirmation message. Opening it confirms nothing: mail scanners and link
 * previews fetch links, so the reader presses a button (a POST, answered by ./submit/route.ts
 * through proxy.ts) and comes back here to "You're subscribed".
 */
export default async function ConfirmPage({ params }: PageProps<"/email/confirm/[token]">) {
  await connection();
  const { token } = await params;
  const language = await pageLanguage();
  const m = subscribeMessages(language);
  const href = (path: string) => localizedPath(env().SITE_LANGUAGES, language.code, path);
  const self = `/email/confirm/${encodeURIComponent(token)}`;
  const link = await confirmLinkState(token);
  if (link.state === "confirmed") {
    return (
      <MessagePage language={language} path={self} title={m.confirmedTitle}>
        <p className="lede">{m.confirmedBody}</p>
        <p>
          <a href={href(`/email/manage/${link.manageToken}`)}>{m.manageLink}</a>
        </p>
      </MessagePage>
    );
  }
  if (link.state !== "valid") {
    return (
      <MessagePage language={language} path={self} title={link.state === "expired" ? m.expiredTitle : m.unknownLinkTitle}>
        <p className="lede">{link.state === "expired" ? m.errors.confirmExpired : m.errors.confirmUnknown}</p>
        <p>
          <a href={href("/subscribe")}>{m.subscribeAgain}</a>
        </p>
      </MessagePage>
    );
  }
  return (
    <MessagePage language={language} path={self} title={m.confirmTitle}>
      <p className="lede">{m.confirmBody}</p>
      <form method="post" action={href(self)}>
        <button type="submit" className="subscription-button">
          {m.confirmButton}
        </button>
      </form>
    </MessagePage>
  );
}
