import { KNOWN_LANGUAGES } from "@/lib/languages";
import type { SubscriberOverview } from "@/server/subscriptions/subscriber-overview";

const languageName = (code: string) => KNOWN_LANGUAGES.find((l) => l.code === code)?.englishName ?? code;

/** Who is on the list: confirmed and pending, then the confirmed by language, frequency and category. */
export function SubscriberCounts({ overview }: { overview: SubscriberOverview }) {
  return (
    <section aria-labelledby="counts-heading" className="subscriber-section">
      <h2 id="counts-heading">Who is subscribed</h2>
      <dl className="figures">
        <div>
          <dt>Confirmed</dt>
          <dd>{overview.confirmed}</dd>
        </div>
        <div>
          <dt>Waiting for confirmation</dt>
          <dd>{overview.pending}</dd>
        </div>
        <div>
          <dt>Each item at once</dt>
          <dd>{overview.byFrequency.immediate}</dd>
        </div>
        <div>
          <dt>Daily digest</dt>
          <dd>{overview.byFrequency.daily}</dd>
        </div>
      </dl>
      <div className="subscriber-breakdowns">
        <table className="data-table">
          <caption>Confirmed, by language</caption>
          <thead>
            <tr>
              <th scope="col">Language</th>
              <th scope="col">Subscribers</th>
            </tr>
          </thead>
          <tbody>
            {overview.byLanguage.length === 0 && (
              <tr>
                <td colSpan={2}>No confirmed subscribers yet.</td>
              </tr>
            )}
            {overview.byLanguage.map((l) => (
              <tr key={l.language}>
                <th scope="row">{languageName(l.language)}</th>
                <td>{l.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="data-table">
          <caption>Confirmed, by what they follow (chosen categories; one subscriber may choose several)</caption>
          <thead>
            <tr>
              <th scope="col">News</th>
              <th scope="col">Subscribers</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">All news (every category)</th>
              <td>{overview.allCategories}</td>
            </tr>
            {overview.byCategory.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td>{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
