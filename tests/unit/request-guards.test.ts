import { describe, expect, it } from "vitest";
import { flightReplyProblem } from "@/lib/http/flight-reply";
import { hasMalformedPercentEncoding } from "@/lib/http/path";
import { routerStateProblem } from "@/lib/http/router-state";
import { bodyLengthProblem, crossOriginProblem } from "@/lib/http/same-origin";

/** The checks proxy.ts runs before Next parses a request (issue 14); the e2e files send them over HTTP. */
const text = (body: string) => new Map([["0", body]]);

describe("flightReplyProblem", () => {
  it("accepts what React's encodeReply produces for plain arguments", () => {
    for (const body of [
      '[{"title":"a","n":1}]',
      '["$$escaped dollar"]',
      '["$undefined","$D2026-01-01T00:00:00.000Z","$n123","$-0","$NaN","$Infinity"]',
      '["$K1"]',
      "[]",
    ]) {
      expect(flightReplyProblem(text(body)), body).toBeNull();
    }
    // Parts come before the part that refers to them, as the client writes them; promises may wait for a later one.
    expect(
      flightReplyProblem(
        new Map([
          ["1", "{}"],
          ["2", "[]"],
          ["3", "file"],
          ["0", '["$1","$Q2","$B3","$@4"]'],
          ["4", "1"],
        ]),
      ),
    ).toBeNull();
  });

  it("refuses references to parts that were not sent, parts of the wrong kind, and bodies that are not JSON", () => {
    for (const body of ['["$Q5"]', '["$@1"]', '["$5"]', '["$h2"]', '["$B1"]', '["$R1"]', '["$Zzz"]', '["$n1e5"]', "[{", ""]) {
      expect(flightReplyProblem(text(body)), body).not.toBeNull();
    }
    expect(
      flightReplyProblem(
        new Map([
          ["1", "{}"],
          ["0", '["$B1"]'],
        ]),
      ),
    ).toMatch(/wrong kind/);
    expect(
      flightReplyProblem(
        new Map([
          ["1", "file"],
          ["0", '["$1"]'],
        ]),
      ),
    ).toMatch(/wrong kind/);
    expect(
      flightReplyProblem(
        new Map([
          ["0", '["$1"]'],
          ["1", "{}"],
        ]),
      ),
    ).toMatch(/comes after/);
    expect(flightReplyProblem(text('["$0"]'))).toMatch(/comes after/);
    expect(flightReplyProblem(new Map([["1", "{}"]]))).toMatch(/missing/);
    expect(
      flightReplyProblem(
        new Map([
          ["0", "[]"],
          ["1", "{nope"],
        ]),
      ),
    ).toMatch(/Part 1/);
  });

  it("walks a body nested 100 000 deep, or 400 000 wide, without overflowing the stack", () => {
    const deep = "[".repeat(100_000) + '"$Q9"' + "]".repeat(100_000);
    expect(flightReplyProblem(text(deep))).toMatch(/not sent/);
    const wide = `[${"1,".repeat(400_000)}"$Q9"]`;
    expect(flightReplyProblem(text(wide))).toMatch(/not sent/);
  });
});

describe("routerStateProblem", () => {
  const encode = (v: unknown) => encodeURIComponent(JSON.stringify(v));
  it("accepts the trees the client router sends", () => {
    expect(routerStateProblem(encode(["", { children: ["__PAGE__", {}] }, null, null]))).toBeNull();
    expect(
      routerStateProblem(encode(["", { children: [["slug", "a-b", "d", null], {}, ["/news/a-b", "refresh"], "refetch", 1, "x"] }])),
    ).toBeNull();
  });
  it("refuses anything Next's parser would throw on", () => {
    for (const bad of [
      "%",
      "not-json",
      encode({}),
      encode(["", []]),
      encode(["", { children: 1 }]),
      encode([["a", "b", "zz", null], {}]),
      encode(["", {}, null, "bogus"]),
      "x".repeat(40_001),
    ]) {
      expect(routerStateProblem(bad), bad.slice(0, 30)).not.toBeNull();
    }
  });
});

describe("crossOriginProblem and bodyLengthProblem", () => {
  const h = (init: Record<string, string>) => new Headers({ host: "koho.example", ...init });
  it("lets same-origin and header-less requests through", () => {
    expect(crossOriginProblem(h({ origin: "https://koho.example", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossOriginProblem(h({}))).toBeNull();
    expect(crossOriginProblem(h({ origin: "https://public.example", "x-forwarded-host": "public.example" }))).toBeNull();
  });
  it("refuses null, unreadable and foreign origins, and cross-site fetches", () => {
    const forged: Record<string, string>[] = [
      { origin: "null" },
      { origin: "::" },
      { origin: "https://koho.example.attacker.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const init of forged) {
      expect(crossOriginProblem(h(init)), JSON.stringify(init)).toMatch(/refused/);
    }
  });
  it("requires a length, at most the limit", () => {
    expect(bodyLengthProblem(h({ "content-length": "1048576" }), 1048576)).toBeNull();
    expect(bodyLengthProblem(h({ "content-length": "1048577" }), 1048576)?.status).toBe(413);
    expect(bodyLengthProblem(h({}), 1048576)?.status).toBe(411);
  });
});

describe("hasMalformedPercentEncoding", () => {
  it("finds a % that does not start a UTF-8 escape", () => {
    for (const p of ["/news/%", "/news/%zz", "/news/%E0%A4", "/category/%2"]) expect(hasMalformedPercentEncoding(p), p).toBe(true);
    for (const p of ["/news/a-b", "/news/%E6%9D%B1", "/news/100%25"]) expect(hasMalformedPercentEncoding(p), p).toBe(false);
  });
});
