import type { Metadata } from "next";
import { connection } from "next/server";
import { MessageText } from "@/components/site/message-text";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { localizedPath } from "@/lib/languages";
import { listCategories } from "@/server/public/news";
import { pageLanguage } from "@/server/public/page-language";
import { loadPreferences, type SubscriberPreferences } from "@/server/subscriptions/preferences";
import { ErrorSummary, SubscriptionFields, type SubscriptionFieldValues } from "../../../_components/subscription-fields";
import { LinkGonePage, MessagePage, readFlash, subscribeMessages, subscriptionMetadata } from "../../../_components/subscription-page";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return subscriptionMetadata(subscribeMessages(await pageLanguage()).manageTitle);
}

export const instant = false;

async function preferencesOrNull(token: string): Promise<SubscriberPreferences | null> {
  try {
    return await loadPreferences(token);
  } catch (error) {
    if (AppError.from(error).type === "not_found") return null;
    throw error;
  }
}

/** The link in every message: change what, how often and in which language, or unsubscribe. */
export default async function ManagePage({ params, searchParams }: PageProps<"/email/manage/[token]">) {
  await connection();
  const { token } = await params;
  const query = await searchParams;
  const language = await pageLanguage();
  const m = subscribeMessages(language);
  const href = (path: string) => localizedPath(env().SITE_LANGUAGES, language.code, path);
  const self = `/email/manage/${encodeURIComponent(token)}`;
  const prefs = await preferencesOrNull(token);
  if (!prefs) {
    return <LinkGonePage language={language} path={self} />;
  }
  const flash = await readFlash(query.problem);
  const saved: SubscriptionFieldValues = {
    language: prefs.language,
    scope: prefs.categories === "all" ? "all" : "chosen",
    categories: prefs.categories === "all" ? [] : prefs.categories,
    frequency: prefs.frequency,
    digestHour: String(prefs.digestHour),
  };
  const values = flash?.values ?? saved;
  const problems = flash?.problems ?? {};
  const categories = await listCategories({ language: language.code });
  return (
    <MessagePage language={language} path={self} title={m.manageTitle}>
      {query.saved !== undefined && !flash && (
        <div className="subscription-notice" role="status">
          <h2>{m.savedTitle}</h2>
        </div>
      )}
      <ErrorSummary prefix="manage" problems={problems} values={values} language={language} />
      <p className="lede">
        <MessageText template={m.manageFor} slots={{ email: <strong>{prefs.email}</strong> }} />
      </p>
      {!prefs.confirmed && <p>{m.notConfirmedYet}</p>}
      <form className="subscription-form" method="post" action={href(self)} aria-label={m.manageFormLabel} noValidate>
        <SubscriptionFields
          prefix="manage"
          language={language}
          categories={categories}
          values={values}
          problems={problems}
          withEmail={false}
        />
        <button type="submit" className="subscription-button">
          {m.save}
        </button>
      </form>
      <section aria-labelledby="unsubscribe-heading">
        <h2 id="unsubscribe-heading">{m.unsubscribeHeading}</h2>
        <p>{m.unsubscribeBody}</p>
        <form method="post" action={href(`/email/unsubscribe/${encodeURIComponent(token)}`)}>
          <input type="hidden" name="from" value="page" />
          <button type="submit" className="subscription-button subscription-button--quiet">
            {m.unsubscribeButton}
          </button>
        </form>
      </section>
    </MessagePage>
  );
}
