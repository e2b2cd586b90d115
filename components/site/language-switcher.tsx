import { messagesFor } from "@/lib/i18n";
import type { SwitcherTarget } from "@/lib/i18n/switcher";
import type { LanguageInfo } from "@/lib/languages";

/**
 * Links to this page in the site's other languages, for the header. Each link is named in its
 * own language ("日本語" on an English page, with lang="ja") because a reader looks for their
 * own language's name; hreflang says where it leads. A plain list of links: no script.
 */
export function LanguageSwitcher({ language, targets }: { language: LanguageInfo; targets: SwitcherTarget[] }) {
  if (targets.length === 0) return null;
  return (
    <nav className="language-switcher" aria-label={messagesFor(language.code).shell.languageNav}>
      <ul>
        {targets.map((t) => (
          <li key={t.language.code}>
            <a href={t.path} lang={t.language.code} hrefLang={t.language.code} dir={t.language.direction}>
              {t.language.nativeName}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
