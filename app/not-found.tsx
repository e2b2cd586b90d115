import type { Metadata } from "next";
import { LanguageSwitcher } from "@/components/site/language-switcher";
import { NotFoundContent } from "@/components/site/not-found-content";
import { SiteShell } from "@/components/site/site-shell";
import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n";
import { itemTargets } from "@/lib/i18n/switcher";
import { pageLanguage } from "@/server/public/page-language";

// Only the root not-found file may set metadata; without it the tab would show just the site name.
// "/ja/…" addresses that match nothing are Japanese 404s (proxy.ts says which language was asked for).
export async function generateMetadata(): Promise<Metadata> {
  return { title: messagesFor((await pageLanguage()).code).notFound.title };
}

/** For addresses that match no route at all (outside the site layout); the switcher leads to the other languages' home pages. */
export default async function NotFound() {
  const language = await pageLanguage();
  const targets = itemTargets(env().SITE_LANGUAGES, language.code, []);
  return (
    <SiteShell mainId="not-found-main" language={language} languageSwitcher={<LanguageSwitcher language={language} targets={targets} />}>
      <NotFoundContent />
    </SiteShell>
  );
}
