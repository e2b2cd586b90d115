import { formatTokyoDateTime } from "@/lib/dates";
import type { KeptMessage } from "@/server/subscriptions/kept-mail";

/**
 * One kept message as it would arrive: its headers, the plain-text part, and the HTML part in
 * a sandboxed frame. `sandbox` with no permissions gives the frame an opaque origin with no
 * scripts, forms, pop-ups or top navigation, so whatever the HTML holds cannot touch the studio;
 * `srcdoc` needs no URL, so the pages' CSP (frame-src from default-src 'self') does not apply.
 */
export function KeptMessageView({ message }: { message: KeptMessage }) {
  const headers: [string, string][] = [
    ["To", message.to],
    ["Subject", message.subject],
    ...Object.entries(message.headers).filter(([name]) => !/^(to|subject)$/i.test(name)),
  ];
  return (
    <div className="kept-message">
      <p>
        Kept <time dateTime={message.keptAt}>{formatTokyoDateTime(message.keptAt)}</time> instead of sent.
      </p>
      <section aria-labelledby="kept-headers-heading" className="subscriber-section">
        <h2 id="kept-headers-heading">Headers</h2>
        <dl className="kept-headers">
          {headers.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="kept-html-heading" className="subscriber-section">
        <h2 id="kept-html-heading">As most mail programs show it (HTML part)</h2>
        <iframe sandbox="" srcDoc={message.html} title={`HTML part of “${message.subject}”`} />
      </section>
      <section aria-labelledby="kept-text-heading" className="subscriber-section">
        <h2 id="kept-text-heading">Plain-text part</h2>
        <pre>{message.text}</pre>
      </section>
    </div>
  );
}
