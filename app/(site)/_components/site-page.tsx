import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/site/language-switcher";
import { SiteShell } from "@/components/site/site-shell";
import { env } from "@/lib/env";
import { itemTargets, samePageTargets, type SwitcherTarget } from "@/lib/i18n/switcher";
import type { LanguageInfo } from "@/lib/languages";

/**
 * A public page in its shell, with the header's language switcher. The shell is rendered by
 * each page rather than by the layout because only the page knows where the switcher leads
 * (an item's other versions); the layout sees neither the path nor the item. `path` is the
 * default language's address of a page every language has ("/category/culture"); `versions`
 * an item's other published versions; neither: the other languages' home pages.
 */
export function SitePage({
  language,
  path,
  versions,
  children,
}: {
  language: LanguageInfo;
  path?: string;
  versions?: readonly { language: string; path: string }[];
  children: ReactNode;
}) {
  const languages = env().SITE_LANGUAGES;
  const targets: SwitcherTarget[] =
    path !== undefined ? samePageTargets(languages, language.code, path) : itemTargets(languages, language.code, versions ?? []);
  return (
    <SiteShell language={language} languageSwitcher={<LanguageSwitcher language={language} targets={targets} />}>
      {children}
    </SiteShell>
  );
}
