import { describe, expect, it } from "vitest";
import { renderConfirmation, renderDigest, renderItemMail } from "@/lib/mail/messages";

const frame = {
  language: "en",
  siteName: "Office of the Governor — News",
  manageUrl: "https://news.example/email/manage/1.x",
  unsubscribeUrl: "https://news.example/email/unsubscribe/1.x",
};
const item = {
  title: 'Governor <meets> "mayors" & partners',
  summary: "Talks on disaster preparedness.",
  url: "https://news.example/news/governor-meets",
  categoryName: "Government",
  date: "February 5, 2026",
};

describe("subscriber e-mail", () => {
  it("escapes every word in the HTML part and keeps the text part plain", () => {
    const mail = renderItemMail("alert", item, frame);
    expect(mail.subject).toBe(item.title);
    expect(mail.html).toContain("Governor &lt;meets&gt; &quot;mayors&quot; &amp; partners");
    expect(mail.html).not.toContain("<meets>");
    expect(mail.text).toContain(item.title);
    expect(mail.text).toContain("Unsubscribe: https://news.example/email/unsubscribe/1.x");
    expect(mail.html).toMatch(/^<!doctype html><html lang="en">/);
  });

  it("says what changed in an update and why in a withdrawal", () => {
    expect(renderItemMail("update", { ...item, changeNote: "Corrected the date" }, frame).text).toContain(
      "What changed: Corrected the date",
    );
    const withdrawn = renderItemMail("withdrawal", { ...item, withdrawalNote: "Published in error." }, frame);
    expect(withdrawn.subject).toBe(`Withdrawn: ${item.title}`);
    expect(withdrawn.text).toContain("Why: Published in error.");
  });

  it("writes Japanese mail in Japanese, marked as such", () => {
    const mail = renderItemMail(
      "update",
      { ...item, title: "知事が会見", date: "2026年2月5日", changeNote: "日付を訂正" },
      { ...frame, language: "ja", siteName: "知事室ニュース" },
    );
    expect(mail.subject).toBe("更新：知事が会見");
    expect(mail.html).toContain('<html lang="ja">');
    expect(mail.text).toContain("配信停止");
    expect(renderConfirmation({ language: "ja", siteName: "知事室ニュース", confirmUrl: "https://x/c" }).subject).toBe(
      "知事室ニュースのメール配信の登録確認",
    );
  });

  it("never renders an empty digest", () => {
    expect(() => renderDigest([], { ...frame, date: "February 5, 2026" })).toThrow(/never sent/);
    expect(renderDigest([item, item], { ...frame, date: "February 5, 2026" }).subject).toContain("2 items");
  });
});
