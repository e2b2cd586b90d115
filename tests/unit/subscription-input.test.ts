import { describe, expect, it } from "vitest";
import { decodeFlash, encodeFlash, flashValues } from "@/lib/subscription-flash";
import { subscribeSchema, subscriptionFormInput, subscriptionProblems } from "@/lib/subscription-input";
import { isSubscriptionPath, subscriberLinkPostTarget } from "@/lib/subscription-paths";

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("the subscribe form's fields", () => {
  it("reads the scope radio and repeated category boxes into the command's shape", () => {
    const input = subscriptionFormInput(
      form([
        ["email", " A@Example.com "],
        ["language", "ja"],
        ["scope", "chosen"],
        ["category", "3"],
        ["category", "3"],
        ["category", "5"],
        ["frequency", "daily"],
        ["digestHour", "18"],
      ]),
      { withEmail: true },
    );
    expect(input).toEqual({ email: " A@Example.com ", language: "ja", categories: [3, 5], frequency: "daily", digestHour: 18 });
    expect(subscribeSchema.parse(input).email).toBe("a@example.com");
  });

  it("all news ignores stray boxes; an immediate subscriber without an hour keeps the default", () => {
    const input = subscriptionFormInput(
      form([
        ["scope", "all"],
        ["category", "3"],
        ["language", "en"],
        ["frequency", "immediate"],
      ]),
      {
        withEmail: false,
      },
    );
    expect(input).toEqual({ language: "en", categories: "all", frequency: "immediate", digestHour: 8 });
  });

  it("names each field's problem as a key the pages translate", () => {
    const parsed = subscribeSchema.safeParse(
      subscriptionFormInput(
        form([
          ["email", "x"],
          ["scope", "chosen"],
          ["category", "abc"],
          ["frequency", "daily"],
          ["digestHour", "99"],
        ]),
        {
          withEmail: true,
        },
      ),
    );
    expect(parsed.success).toBe(false);
    expect(subscriptionProblems(parsed.error!)).toEqual({
      email: "emailInvalid",
      language: "language",
      categories: "categoriesUnknown",
      digestHour: "digestHour",
    });
  });
});

describe("the refused form's values", () => {
  it("round-trip through the cookie, and anything else read back is dropped", () => {
    const values = flashValues(
      form([
        ["email", "me@example.com"],
        ["scope", "chosen"],
        ["category", "4"],
        ["digestHour", "7"],
      ]),
    );
    const flash = { values, problems: { email: "emailInvalid" as const } };
    expect(decodeFlash(encodeFlash(flash))).toEqual(flash);
    expect(decodeFlash(undefined)).toBeNull();
    expect(decodeFlash("%%%")).toBeNull();
    expect(decodeFlash(Buffer.from(JSON.stringify({ values: {}, problems: { email: "<script>" } })).toString("base64url"))).toBeNull();
  });
});

describe("the e-mail alert addresses", () => {
  it("are recognised for no-store and noindex, and a link's POST goes to the route beside its page", () => {
    for (const path of ["/subscribe", "/subscribe/check-inbox", "/email/confirm/1.a.b", "/email/unsubscribed"])
      expect(isSubscriptionPath(path)).toBe(true);
    for (const path of ["/", "/news/subscribe", "/emails", "/subscribers"]) expect(isSubscriptionPath(path)).toBe(false);
    expect(subscriberLinkPostTarget("/email/unsubscribe/12.abc")).toBe("/email/unsubscribe/12.abc/submit");
    expect(subscriberLinkPostTarget("/email/confirm/12.x.abc")).toBe("/email/confirm/12.x.abc/submit");
    expect(subscriberLinkPostTarget("/email/subscribe")).toBeNull();
    expect(subscriberLinkPostTarget("/email/unsubscribe/12.abc/submit")).toBeNull();
  });
});
