import { describe, expect, it } from "vitest";
import { formatAge } from "@/lib/subscribers/age";
import { maskEmail, normalizeEmail } from "@/lib/subscribers/mask-email";

describe("subscriber addresses as staff without the right to see them meet them", () => {
  it("keeps the first letter and the domain, and nothing that can be written to", () => {
    expect(maskEmail("alice@example.jp")).toBe("a•••@example.jp");
    expect(maskEmail("a@example.jp")).toBe("a•••@example.jp");
    expect(maskEmail("first.last+news@mail.city.example")).toBe("f•••@mail.city.example");
    // The last @ separates the domain: a quoted local part with an @ in it stays hidden.
    expect(maskEmail('"a@b"@example.jp')).toBe('"•••@example.jp');
    expect(maskEmail("not-an-address")).toBe("•••");
    expect(maskEmail("@example.jp")).toBe("•••");
  });

  it("looks addresses up as they are stored", () => {
    expect(normalizeEmail("  Alice@Example.JP ")).toBe("alice@example.jp");
  });
});

describe("queue ages", () => {
  it("reads in the largest units that matter", () => {
    expect(formatAge(-5)).toBe("0 s");
    expect(formatAge(45_000)).toBe("45 s");
    expect(formatAge(12 * 60_000 + 59_000)).toBe("12 min");
    expect(formatAge(3 * 3_600_000)).toBe("3 h");
    expect(formatAge(3 * 3_600_000 + 5 * 60_000)).toBe("3 h 5 min");
    expect(formatAge(24 * 3_600_000)).toBe("1 day");
    expect(formatAge(52 * 3_600_000)).toBe("2 days 4 h");
  });
});
