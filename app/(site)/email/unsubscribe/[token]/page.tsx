import type { Metadata } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { localizedPath } from "@/lib/languages";
import { isLiveManageLink } from "@/server/subscriptions/preferences";
import { pageLanguage } from "@/server/public/page-language";
import { LinkGonePage, MessagePage, subscribeMessages, subscriptionMetadata } from "../../../_components/subscription-page";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return subscriptionMetadata(subscribeMessages(await pageLanguage()).unsubscribeTitle);
}

export const instant = false;

/**
 * The List-Unsubscribe address, opened in a browser: it asks before acting (link scanners open
 * it too). A POST to this same address, the button's or a mail client's one-click, unsubscribes
 * (./submit/route.ts, through proxy.ts).
 */
export default async function UnsubscribePage({ params }: PageProps<"/email/unsubscribe/[token]">) {
  await connection();
  const { token } = await params;
  const language = await pageLanguage();
  const m = subscribeMessages(language);
  const href = (path: string) => localizedPath(env().SITE_LANGUAGES, language.code, path);
  const self = `/email/unsubscribe/${encodeURIComponent(token)}`;
  if (!(await isLiveManageLink(token))) {
    return <LinkGonePage language={language} path={self} />;
  }
  return (
    <MessagePage language={language} path={self} title={m.unsubscribeTitle}>
      <p className="lede">{m.unsubscribeQuestion}</p>
      <form method="post" action={href(self)}>
        <input type="hidden" name="from" value="page" />
        <button type="submit" className="subscription-button">
          {m.unsubscribeButton}
        </button>
      </form>
      <p>
        <a href={href(`/email/manage/${encodeURIComponent(token)}`)}>{m.manageLink}</a>
      </p>
    </MessagePage>
  );
}
