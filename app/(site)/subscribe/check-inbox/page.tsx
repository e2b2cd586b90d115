import type { Metadata } from "next";
import { connection } from "next/server";
import { pageLanguage } from "@/server/public/page-language";
import { MessagePage, subscribeMessages, subscriptionMetadata } from "../../_components/subscription-page";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return subscriptionMetadata(subscribeMessages(await pageLanguage()).checkInboxTitle);
}

export const instant = false;

/** The one answer to every accepted subscription, whatever the address's state (server/subscriptions/subscribe.ts). */
export default async function CheckInboxPage() {
  await connection();
  const language = await pageLanguage();
  const m = subscribeMessages(language);
  return (
    <MessagePage language={language} path="/subscribe/check-inbox" title={m.checkInboxTitle}>
      <p className="lede">{m.checkInboxBody}</p>
      <p>{m.checkInboxHelp}</p>
    </MessagePage>
  );
}
