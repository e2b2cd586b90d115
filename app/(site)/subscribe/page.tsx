import type { Metadata } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { localizedPath } from "@/lib/languages";
import { listCategories } from "@/server/public/news";
import { pageLanguage } from "@/server/public/page-language";
import { readFlash, subscribeMessages, subscriptionMetadata, SubscriptionPage } from "../_components/subscription-page";
import { ErrorSummary, SubscriptionFields } from "../_components/subscription-fields";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const m = subscribeMessages(await pageLanguage());
  return { ...subscriptionMetadata(m.title), description: m.description };
}

export const instant = false;

/**
 * The subscribe form: a plain POST to /email/subscribe, which answers 303 to "check your inbox"
 * or back here with `?problem` (the reader's values and what was wrong in a short-lived cookie,
 * lib/subscription-flash.ts), so it works the same without JavaScript.
 */
export default async function SubscribePage({ searchParams }: PageProps<"/subscribe">) {
  await connection();
  const language = await pageLanguage();
  const m = subscribeMessages(language);
  const flash = await readFlash((await searchParams).problem);
  const categories = await listCategories({ language: language.code });
  const values = flash?.values ?? {};
  const problems = flash?.problems ?? {};
  return (
    <SubscriptionPage language={language} path="/subscribe">
      <h1>{m.title}</h1>
      <ErrorSummary prefix="subscribe" problems={problems} values={values} language={language} />
      <p className="lede">{m.intro}</p>
      <p>{m.optInNote}</p>
      <form
        className="subscription-form"
        method="post"
        action={localizedPath(env().SITE_LANGUAGES, language.code, "/email/subscribe")}
        aria-label={m.formLabel}
        noValidate
      >
        <SubscriptionFields prefix="subscribe" language={language} categories={categories} values={values} problems={problems} withEmail />
        <button type="submit" className="subscription-button">
          {m.submit}
        </button>
      </form>
    </SubscriptionPage>
  );
}
