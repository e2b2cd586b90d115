import type { Metadata } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { localizedPath } from "@/lib/languages";
import { pageLanguage } from "@/server/public/page-language";
import { MessagePage, subscribeMessages, subscriptionMetadata } from "../../_components/subscription-page";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return subscriptionMetadata(subscribeMessages(await pageLanguage()).unsubscribedTitle);
}

export const instant = false;

export default async function UnsubscribedPage() {
  await connection();
  const language = await pageLanguage();
  const m = subscribeMessages(language);
  return (
    <MessagePage language={language} path="/email/unsubscribed" title={m.unsubscribedTitle}>
      <p className="lede">{m.unsubscribedBody}</p>
      <p>
        <a href={localizedPath(env().SITE_LANGUAGES, language.code, "/")}>{m.latestNews}</a>
      </p>
    </MessagePage>
  );
}
