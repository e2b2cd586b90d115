import { escapeHtml } from "../xml-text";
import { mailStrings, type MailStrings } from "./strings";

/**
 * Subscriber e-mail as plain text and accessible HTML: one column, real headings and links
 * (no layout tables, no images carrying words), the language marked, at least 16 px text and
 * link colours with AA contrast, so it reads well in a screen reader and on a phone.
 */
export type RenderedMail = { subject: string; text: string; html: string };

export type MailItem = {
  title: string;
  summary: string;
  url: string;
  categoryName: string;
  /** Already formatted in the message's language ("February 5, 2026", "2026年2月5日"). */
  date: string;
  changeNote?: string | null;
  withdrawalNote?: string | null;
};

export type MailFrame = { language: string; siteName: string; manageUrl: string; unsubscribeUrl: string };

const LINK = "color:#0b5394;text-decoration:underline";

function page(language: string, title: string, body: string): string {
  return `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head><body style="margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font:16px/1.5 system-ui,-apple-system,'Hiragino Sans','Noto Sans JP',sans-serif"><main style="max-width:36em;margin:0 auto">${body}</main></body></html>`;
}

function footer(s: MailStrings, frame: MailFrame): { text: string; html: string } {
  return {
    text: `\n--\n${s.whyYouGetThis(frame.siteName)}\n${s.manage}: ${frame.manageUrl}\n${s.unsubscribe}: ${frame.unsubscribeUrl}\n`,
    html: `<hr style="border:0;border-top:1px solid #767676;margin:24px 0 12px"><footer><p style="font-size:16px">${escapeHtml(s.whyYouGetThis(frame.siteName))}</p><p><a href="${escapeHtml(frame.manageUrl)}" style="${LINK}">${escapeHtml(s.manage)}</a> · <a href="${escapeHtml(frame.unsubscribeUrl)}" style="${LINK}">${escapeHtml(s.unsubscribe)}</a></p></footer>`,
  };
}

function itemText(s: MailStrings, item: MailItem): string {
  const lines = [item.title, [item.categoryName, item.date].filter(Boolean).join(" · ")];
  if (item.summary) lines.push("", item.summary);
  if (item.changeNote) lines.push("", `${s.changeNote}: ${item.changeNote}`);
  if (item.withdrawalNote) lines.push("", `${s.withdrawalReason}: ${item.withdrawalNote}`);
  lines.push("", `${s.read}: ${item.url}`);
  return lines.join("\n");
}

function itemHtml(s: MailStrings, item: MailItem, heading: "h1" | "h2"): string {
  const meta = [item.categoryName, item.date].filter(Boolean).map(escapeHtml).join(" · ");
  return [
    `<${heading} style="font-size:${heading === "h1" ? 24 : 20}px;line-height:1.3;margin:16px 0 4px"><a href="${escapeHtml(item.url)}" style="${LINK}">${escapeHtml(item.title)}</a></${heading}>`,
    meta ? `<p style="margin:0 0 8px;color:#4a4a4a">${meta}</p>` : "",
    item.summary ? `<p>${escapeHtml(item.summary)}</p>` : "",
    item.changeNote ? `<p><strong>${escapeHtml(s.changeNote)}:</strong> ${escapeHtml(item.changeNote)}</p>` : "",
    item.withdrawalNote ? `<p><strong>${escapeHtml(s.withdrawalReason)}:</strong> ${escapeHtml(item.withdrawalNote)}</p>` : "",
    `<p><a href="${escapeHtml(item.url)}" style="${LINK}">${escapeHtml(s.read)}</a></p>`,
  ].join("");
}

/** The double opt-in message: the only one sent before the address's owner says yes. */
export function renderConfirmation({
  language,
  siteName,
  confirmUrl,
}: {
  language: string;
  siteName: string;
  confirmUrl: string;
}): RenderedMail {
  const s = mailStrings(language);
  const subject = s.confirmSubject(siteName);
  const text = `${s.confirmIntro(siteName)}\n\n${s.confirmButton}: ${confirmUrl}\n\n${s.confirmExpires}\n${s.confirmIgnore}\n`;
  const html = page(
    language,
    subject,
    `<h1 style="font-size:24px">${escapeHtml(subject)}</h1><p>${escapeHtml(s.confirmIntro(siteName))}</p><p><a href="${escapeHtml(confirmUrl)}" style="display:inline-block;padding:12px 20px;background:#0b5394;color:#ffffff;border-radius:4px;text-decoration:none;font-weight:bold">${escapeHtml(s.confirmButton)}</a></p><p>${escapeHtml(s.confirmExpires)}</p><p>${escapeHtml(s.confirmIgnore)}</p>`,
  );
  return { subject, text, html };
}

/** One item: a new publication, a major change (with its note) or a withdrawal notice. */
export function renderItemMail(kind: "alert" | "update" | "withdrawal", item: MailItem, frame: MailFrame): RenderedMail {
  const s = mailStrings(frame.language);
  const prefix = kind === "update" ? s.updatePrefix : kind === "withdrawal" ? s.withdrawalPrefix : s.alertPrefix;
  const subject = `${prefix}${item.title}`;
  const foot = footer(s, frame);
  const intro = kind === "withdrawal" ? s.withdrawalIntro : "";
  const text = `${intro ? `${intro}\n\n` : ""}${itemText(s, item)}\n${foot.text}`;
  const html = page(frame.language, subject, `${intro ? `<p>${escapeHtml(intro)}</p>` : ""}${itemHtml(s, item, "h1")}${foot.html}`);
  return { subject, text, html };
}

/** The daily digest; never called with no items (server/subscriptions/digests.ts sends none then). */
export function renderDigest(items: MailItem[], { date, ...frame }: MailFrame & { date: string }): RenderedMail {
  if (items.length === 0) throw new Error("A digest with nothing in it is never sent.");
  const s = mailStrings(frame.language);
  const subject = s.digestSubject(frame.siteName, date, items.length);
  const foot = footer(s, frame);
  const text = `${s.digestIntro(items.length)}\n\n${items.map((item) => itemText(s, item)).join("\n\n* * *\n\n")}\n${foot.text}`;
  const html = page(
    frame.language,
    subject,
    `<h1 style="font-size:24px">${escapeHtml(subject)}</h1><p>${escapeHtml(s.digestIntro(items.length))}</p>${items.map((item) => `<article>${itemHtml(s, item, "h2")}</article>`).join("")}${foot.html}`,
  );
  return { subject, text, html };
}
