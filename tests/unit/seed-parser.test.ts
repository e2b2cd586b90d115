import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSeedDocument, seedToDocument } from "@/lib/content/seed-parser";
import { SEEDS_DIR } from "../support/temp-db";

const read = (file: string) => readFileSync(join(SEEDS_DIR, file), "utf8");

describe("seed parser", () => {
  it("reads the seminar page: category, title, paragraphs and the ten recommendations in order", () => {
    const seed = parseSeedDocument(read("governor-meets-global-partners-seminar.txt"));
    expect(seed.category).toBe("Government");
    expect(seed.title).toBe("Governor Meets with Representatives Attending the 2nd Tokyo Global Partners Seminar");
    expect(seed.paragraphs).toHaveLength(4);
    expect(seed.paragraphs[0]).toMatch(/^On Wednesday, February 1, Governor Koike met/);
    expect(seed.paragraphs[3]).toMatch(/Tomsk, and Toronto/);
    expect(seed.recommended).toHaveLength(10);
    expect(seed.recommended[0]).toEqual({ title: "2026 Tokyo Ambassadors Night", date: "2026-01-27" });
    expect(seed.recommended[9]).toEqual({ title: "Governor’s Address at TMG Executive Meeting", date: "2026-01-30" });
  });

  it("reads the communiqué: bold title lines, paragraphs, dateline and two signatories", () => {
    const seed = parseSeedDocument(read("joint-communique-rome-tokyo.txt"));
    expect(seed.boldTitleLines).toEqual([
      "Joint Communiqué of",
      "the City of Rome (Republic of Italy)",
      "and",
      "the Tokyo Metropolitan Government (Japan)",
    ]);
    expect(seed.title).toBe("Joint Communiqué of the City of Rome (Republic of Italy) and the Tokyo Metropolitan Government (Japan)");
    expect(seed.paragraphs).toHaveLength(5);
    expect(seed.datelineDate).toBe("2026-02-05");
    expect(seed.signatories).toEqual([
      { name: "Koike Yuriko", title: "Governor of Tokyo" },
      { name: "Roberto Gualtieri", title: "Mayor of Rome" },
    ]);
  });

  it("turns the communiqué into a document that opens with its bold title", () => {
    const doc = seedToDocument(parseSeedDocument(read("joint-communique-rome-tokyo.txt")));
    const first = doc.content[0];
    expect(first?.type).toBe("paragraph");
    const texts = first?.type === "paragraph" ? (first.content ?? []) : [];
    expect(texts.every((n) => n.marks?.some((m) => m.type === "bold"))).toBe(true);
    expect(doc.content).toHaveLength(6);
  });

  it("refuses a recommendation without a readable date", () => {
    expect(() => parseSeedDocument("Government\nTitle\nBody\nRecommended for You\nItem\nnot a date")).toThrow(/no readable date/);
  });
});
