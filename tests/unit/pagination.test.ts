import { describe, expect, it } from "vitest";
import { pageCount, pageHref, parsePageParam } from "@/lib/pagination";

describe("pagination", () => {
  it.each(["0", "-1", "abc", "01", "1.5", "", "9999999", "2e3"])("refuses page %j", (raw) => {
    expect(parsePageParam(raw)).toBeNull();
  });

  it("accepts whole page numbers", () => {
    expect(parsePageParam("1")).toBe(1);
    expect(parsePageParam("42")).toBe(42);
  });

  it("counts at least one page and rounds up", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });

  it("keeps page 1 at the bare URL", () => {
    expect(pageHref("/", 1)).toBe("/");
    expect(pageHref("/", 3)).toBe("/page/3");
    expect(pageHref("/category/tourism", 2)).toBe("/category/tourism/page/2");
  });
});
