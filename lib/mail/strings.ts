/** The words of subscriber e-mail, per language; a language without its own falls back to English. */
export type MailStrings = {
  confirmSubject: (site: string) => string;
  confirmIntro: (site: string) => string;
  confirmButton: string;
  confirmIgnore: string;
  confirmExpires: string;
  alertPrefix: string;
  updatePrefix: string;
  withdrawalPrefix: string;
  changeNote: string;
  withdrawalIntro: string;
  withdrawalReason: string;
  digestSubject: (site: string, date: string, count: number) => string;
  digestIntro: (count: number) => string;
  updated: string;
  read: string;
  whyYouGetThis: (site: string) => string;
  manage: string;
  unsubscribe: string;
};

const en: MailStrings = {
  confirmSubject: (site) => `Confirm your e-mail alerts from ${site}`,
  confirmIntro: (site) =>
    `Someone — we hope you — asked for e-mail alerts from ${site} at this address. Nothing will be sent until you confirm.`,
  confirmButton: "Confirm my subscription",
  confirmIgnore: "If you did not ask for this, ignore this message: you will not hear from us again.",
  confirmExpires: "The link works for 7 days.",
  alertPrefix: "",
  updatePrefix: "Updated: ",
  withdrawalPrefix: "Withdrawn: ",
  changeNote: "What changed",
  withdrawalIntro: "We told you about this item. It has been withdrawn.",
  withdrawalReason: "Why",
  digestSubject: (site, date, count) => `${site}: ${count === 1 ? "1 item" : `${count} items`} — ${date}`,
  digestIntro: (count) =>
    count === 1 ? "One item was published since your last digest." : `${count} items were published since your last digest.`,
  updated: "Updated",
  read: "Read it on the site",
  whyYouGetThis: (site) => `You get this because you subscribed to e-mail alerts from ${site}.`,
  manage: "Change what you get",
  unsubscribe: "Unsubscribe",
};

const ja: MailStrings = {
  confirmSubject: (site) => `${site}のメール配信の登録確認`,
  confirmIntro: (site) => `このメールアドレスで${site}のメール配信の登録がありました。確認するまで、メールは一切お送りしません。`,
  confirmButton: "登録を確認する",
  confirmIgnore: "お心当たりのない場合は、このメールを破棄してください。今後お送りすることはありません。",
  confirmExpires: "リンクの有効期間は7日間です。",
  alertPrefix: "",
  updatePrefix: "更新：",
  withdrawalPrefix: "取り下げ：",
  changeNote: "変更内容",
  withdrawalIntro: "以前お知らせしたこの記事は取り下げられました。",
  withdrawalReason: "理由",
  digestSubject: (site, date, count) => `${site}：${date}のお知らせ（${count}件）`,
  digestIntro: (count) => `前回のまとめ以降、${count}件のお知らせがありました。`,
  updated: "更新",
  read: "サイトで読む",
  whyYouGetThis: (site) => `${site}のメール配信に登録されているため、このメールをお送りしています。`,
  manage: "配信内容の変更",
  unsubscribe: "配信停止",
};

const BY_LANGUAGE: Record<string, MailStrings> = { en, ja };

export function mailStrings(language: string): MailStrings {
  return BY_LANGUAGE[language] ?? en;
}
