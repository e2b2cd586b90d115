import { env } from "@/lib/env";
import { messagesFor } from "@/lib/i18n";
import type { LanguageInfo } from "@/lib/languages";
import type { FlashField, FlashProblem } from "@/lib/subscription-flash";
import { DEFAULT_DIGEST_HOUR } from "@/lib/subscription-input";

/** What the fields show: the reader's own values after a refusal, the saved ones on the manage page. */
export type SubscriptionFieldValues = {
  email?: string;
  language?: string;
  scope?: "all" | "chosen";
  categories?: number[];
  frequency?: string;
  digestHour?: string;
};
export type FieldProblems = Partial<Record<FlashField, FlashProblem>>;

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The id of the control a problem with `field` is about: where the error summary's link takes the reader. */
export function fieldTarget(
  prefix: string,
  field: FlashField,
  values: SubscriptionFieldValues,
  languages: readonly LanguageInfo[],
): string {
  if (field === "language") return `${prefix}-language-${values.language ?? languages[0]?.code}`;
  if (field === "categories") return `${prefix}-scope-chosen`;
  if (field === "frequency") return `${prefix}-frequency-immediate`;
  if (field === "digestHour") return `${prefix}-digest-hour`;
  return `${prefix}-email`;
}

/** The list of what is wrong, linked to each field, announced and focusable (GOV.UK's error summary). */
export function ErrorSummary({
  prefix,
  problems,
  values,
  language,
}: {
  prefix: string;
  problems: FieldProblems;
  values: SubscriptionFieldValues;
  language: LanguageInfo;
}) {
  const m = messagesFor(language.code).subscribe;
  const entries = Object.entries(problems) as [FlashField, FlashProblem][];
  if (entries.length === 0) return null;
  return (
    <div className="search-message search-message--error" role="alert" aria-labelledby={`${prefix}-problem-title`} tabIndex={-1}>
      <h2 id={`${prefix}-problem-title`}>{m.problemTitle}</h2>
      <ul>
        {entries.map(([field, problem]) => (
          <li key={field}>
            {field === "form" ? (
              m.errors[problem]
            ) : (
              <a href={`#${fieldTarget(prefix, field, values, env().SITE_LANGUAGES)}`}>{m.errors[problem]}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function FieldError({ id, problem, language }: { id: string; problem?: FlashProblem; language: LanguageInfo }) {
  if (!problem) return null;
  return (
    <p id={id} className="field-error">
      {messagesFor(language.code).subscribe.errors[problem]}
    </p>
  );
}

/** Email (when subscribing), language, categories, frequency and digest hour: one form for subscribing and for changing one's mind. */
export function SubscriptionFields({
  prefix,
  language,
  categories,
  values,
  problems,
  withEmail,
}: {
  prefix: string;
  language: LanguageInfo;
  categories: readonly { id: number; name: string }[];
  values: SubscriptionFieldValues;
  problems: FieldProblems;
  withEmail: boolean;
}) {
  const m = messagesFor(language.code).subscribe;
  const languages = env().SITE_LANGUAGES;
  const chosenLanguage = values.language ?? language.code;
  const scope = values.scope ?? "all";
  const chosen = new Set(values.categories ?? []);
  const frequency = values.frequency === "daily" ? "daily" : "immediate";
  const hour = values.digestHour ?? String(DEFAULT_DIGEST_HOUR);
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;
  return (
    <>
      {withEmail && (
        <div className={`search-field${problems.email ? " field--error" : ""}`}>
          <label htmlFor={`${prefix}-email`}>{m.email}</label>
          <p id={`${prefix}-email-hint`} className="search-hint">
            {m.emailHint}
          </p>
          <FieldError id={`${prefix}-email-error`} problem={problems.email} language={language} />
          <input
            id={`${prefix}-email`}
            name="email"
            type="email"
            autoComplete="email"
            spellCheck={false}
            required
            maxLength={254}
            defaultValue={values.email}
            aria-invalid={problems.email ? true : undefined}
            aria-describedby={describedBy(`${prefix}-email-hint`, problems.email && `${prefix}-email-error`)}
          />
        </div>
      )}
      <fieldset className="subscription-group" aria-describedby={describedBy(problems.language && `${prefix}-language-error`)}>
        <legend>{m.language}</legend>
        <FieldError id={`${prefix}-language-error`} problem={problems.language} language={language} />
        {languages.map((l) => (
          <div className="choice" key={l.code}>
            <input
              type="radio"
              id={`${prefix}-language-${l.code}`}
              name="language"
              value={l.code}
              defaultChecked={l.code === chosenLanguage}
            />
            <label htmlFor={`${prefix}-language-${l.code}`} lang={l.code === language.code ? undefined : l.code}>
              {l.nativeName}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="subscription-group" aria-describedby={describedBy(problems.categories && `${prefix}-categories-error`)}>
        <legend>{m.scope}</legend>
        <FieldError id={`${prefix}-categories-error`} problem={problems.categories} language={language} />
        <div className="choice">
          <input type="radio" id={`${prefix}-scope-all`} name="scope" value="all" defaultChecked={scope === "all"} />
          <label htmlFor={`${prefix}-scope-all`}>{m.scopeAll}</label>
        </div>
        <div className="choice">
          <input type="radio" id={`${prefix}-scope-chosen`} name="scope" value="chosen" defaultChecked={scope === "chosen"} />
          <label htmlFor={`${prefix}-scope-chosen`}>{m.scopeChosen}</label>
        </div>
        <fieldset className="subscription-group subscription-group--nested" aria-describedby={`${prefix}-categories-hint`}>
          <legend>{m.categories}</legend>
          <p id={`${prefix}-categories-hint`} className="search-hint">
            {m.categoriesHint}
          </p>
          {categories.map((c) => (
            <div className="choice" key={c.id}>
              <input type="checkbox" id={`${prefix}-category-${c.id}`} name="category" value={c.id} defaultChecked={chosen.has(c.id)} />
              <label htmlFor={`${prefix}-category-${c.id}`}>{c.name}</label>
            </div>
          ))}
        </fieldset>
      </fieldset>
      <fieldset className="subscription-group" aria-describedby={describedBy(problems.frequency && `${prefix}-frequency-error`)}>
        <legend>{m.frequency}</legend>
        <FieldError id={`${prefix}-frequency-error`} problem={problems.frequency} language={language} />
        {(["immediate", "daily"] as const).map((f) => (
          <div className="choice" key={f}>
            <input type="radio" id={`${prefix}-frequency-${f}`} name="frequency" value={f} defaultChecked={frequency === f} />
            <label htmlFor={`${prefix}-frequency-${f}`}>{m[f]}</label>
          </div>
        ))}
        <div className={`search-field${problems.digestHour ? " field--error" : ""}`}>
          <label htmlFor={`${prefix}-digest-hour`}>{m.digestHour}</label>
          <p id={`${prefix}-digest-hour-hint`} className="search-hint">
            {m.digestHourHint}
          </p>
          <FieldError id={`${prefix}-digest-hour-error`} problem={problems.digestHour} language={language} />
          <select
            id={`${prefix}-digest-hour`}
            name="digestHour"
            defaultValue={hour}
            aria-invalid={problems.digestHour ? true : undefined}
            aria-describedby={describedBy(`${prefix}-digest-hour-hint`, problems.digestHour && `${prefix}-digest-hour-error`)}
          >
            {HOURS.map((h) => (
              <option key={h} value={String(h)}>
                {m.hour(h)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
    </>
  );
}
