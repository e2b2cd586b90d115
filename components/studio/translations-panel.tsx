import Link from "next/link";
import type { FormState } from "@/lib/errors";
import type { TranslationPanel } from "@/server/articles/studio-dto";
import { AddTranslationForm } from "./add-translation-form";
import { LanguageBadge, OutOfDateBadge } from "./out-of-date-badge";
import { StateBadge } from "./state-badge";

/**
 * The item's language versions: each with its language, title, state and whether it is out of
 * date, and (on a source only: translations are made from the source) one button per
 * configured language it has no version in yet.
 */
export function TranslationsPanel({
  panel,
  addVersion,
}: {
  panel: TranslationPanel;
  addVersion: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const headingId = `translations-${panel.id}-heading`;
  const others = panel.versions.filter((v) => v.id !== panel.id);
  const self = panel.versions.find((v) => v.id === panel.id);
  return (
    <section className="translations-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Translations</h2>
      <p>
        This item is in <strong>{panel.language.englishName}</strong>
        {panel.source ? (
          <>
            {", "}a translation of{" "}
            <Link href={`/studio/articles/${panel.source.id}`} lang={panel.source.language.code}>
              {panel.source.title}
            </Link>{" "}
            ({panel.source.language.englishName}).
          </>
        ) : (
          "."
        )}
        {self?.outOfDateSince && (
          <>
            {" "}
            <OutOfDateBadge since={self.outOfDateSince} />
          </>
        )}
      </p>
      {others.length === 0 ? (
        <p>There are no other language versions yet.</p>
      ) : (
        <ul className="translation-versions" aria-label="Other language versions">
          {others.map((v) => (
            <li key={v.id}>
              <LanguageBadge code={v.language.code} name={v.language.englishName} />{" "}
              <Link href={`/studio/articles/${v.id}`} lang={v.language.code}>
                {v.title}
              </Link>{" "}
              {v.isSource && <span className="language-tag">Source</span>} <StateBadge state={v.state} />
              {v.outOfDateSince && (
                <>
                  {" "}
                  <OutOfDateBadge since={v.outOfDateSince} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {panel.canAddVersion && panel.missing.length > 0 && (
        <div className="translation-actions">
          {panel.missing.map((l) => (
            <AddTranslationForm key={l.code} sourceId={panel.id} language={l.code} languageName={l.englishName} action={addVersion} />
          ))}
          <p className="hint">The new version starts as a draft with this item&apos;s published words, to translate over.</p>
        </div>
      )}
    </section>
  );
}
