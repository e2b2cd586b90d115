import { messagesFor } from "@/lib/i18n";
import type { LanguageInfo } from "@/lib/languages";
import type { Signatory } from "@/lib/vocabulary";

export function Signatories({ signatories, language }: { signatories: Signatory[]; language: LanguageInfo }) {
  if (signatories.length === 0) return null;
  return (
    <section className="signatories" aria-label={messagesFor(language.code).article.signatories}>
      <ul>
        {signatories.map((s) => (
          <li key={`${s.name}|${s.title}`}>
            <span className="signatory-name">{s.name}</span>
            <span className="signatory-title">{s.title}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
