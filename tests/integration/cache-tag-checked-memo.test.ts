import { afterEach, describe, expect, it } from "vitest";
import { createTagCheckedMemo } from "@/server/cache/tag-checked-memo";

/** Stands in for server/cache/cache-handler.mjs's view of cache_tag_expirations. */
function installManifest() {
  const expiries = new Map<string, number>();
  let refreshes = 0;
  const manifest = {
    refresh: async () => void refreshes++,
    expiryOf: (tags: string[]) => Math.max(0, ...tags.map((t) => expiries.get(t) ?? 0)),
  };
  Object.assign(globalThis, { [Symbol.for("koho.cache.tagManifest")]: manifest });
  return { expire: (tag: string) => expiries.set(tag, Date.now() + 1), refreshes: () => refreshes };
}

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("koho.cache.tagManifest")];
});

describe("createTagCheckedMemo", () => {
  it("computes once while the value's tags are unexpired, and again after one of them expires", async () => {
    const manifest = installManifest();
    const memo = createTagCheckedMemo<string>({ maxEntries: 10 });
    let computed = 0;
    const compute = async () => `value ${++computed}`;
    expect(await memo.get("k", ["a", "b"], compute)).toBe("value 1");
    expect(await memo.get("k", ["a", "b"], compute)).toBe("value 1");
    manifest.expire("c");
    expect(await memo.get("k", ["a", "b"], compute)).toBe("value 1");
    manifest.expire("b");
    expect(await memo.get("k", ["a", "b"], compute)).toBe("value 2");
    expect(manifest.refreshes()).toBeGreaterThan(0);
  });

  it("stores only what `keep` accepts, so answers about nothing are never kept", async () => {
    installManifest();
    const memo = createTagCheckedMemo<number>({ maxEntries: 10, keep: (n) => n > 0 });
    let calls = 0;
    await memo.get("missing", ["a"], async () => (calls++, 0));
    await memo.get("missing", ["a"], async () => (calls++, 0));
    expect(calls).toBe(2);
    expect(await memo.peek("missing")).toBeUndefined();
  });

  it("holds at most maxEntries values, dropping the least recently used", async () => {
    installManifest();
    const memo = createTagCheckedMemo<string>({ maxEntries: 2 });
    await memo.get("one", [], async () => "1");
    await memo.get("two", [], async () => "2");
    await memo.peek("one"); // "two" is now the least recently used
    await memo.get("three", [], async () => "3");
    expect(await memo.peek("one")).toBe("1");
    expect(await memo.peek("two")).toBeUndefined();
    expect(await memo.peek("three")).toBe("3");
  });

  it("memoises nothing without the cache handler (tests, scripts, a build)", async () => {
    const memo = createTagCheckedMemo<string>({ maxEntries: 10 });
    let calls = 0;
    await memo.get("k", [], async () => String(++calls));
    expect(await memo.get("k", [], async () => String(++calls))).toBe("2");
  });

  it("fills once per key at a time, and a caller that comes meanwhile shares that fill", async () => {
    installManifest();
    const memo = createTagCheckedMemo<string>({ maxEntries: 10 });
    let calls = 0;
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const first = memo.fillShared("k", [], async () => (calls++, await gate, "filled"));
    const second = memo.fillShared("k", [], async () => (calls++, "second"));
    release();
    await expect.poll(() => memo.peek("k")).toBe("filled");
    expect(calls).toBe(1);
    expect(await first).toBe("filled");
    expect(await second).toBe("filled");
  });
});
