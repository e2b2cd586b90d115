import { describe, expect, inject, it } from "vitest";
import { parseCsp } from "../support/security-csp";

/**
 * Issue 14, item 8: /search reflects what a reader typed, so it matters most that it runs
 * under the per-request nonce policy without 'unsafe-inline' that every HTML page now gets
 * (security-csp-public.e2e.ts covers the other reader pages; the browser check in
 * security-headers.e2e.ts runs /search under this policy with no violations).
 */
const url = (path: string) => new URL(path, inject("baseURL")).href;

describe("the search page's content security policy", () => {
  it("is a fresh nonce policy without 'unsafe-inline', and the page carries no script, the query's included", async () => {
    for (const query of ["governor", "<script>alert(1)</script>"]) {
      const path = `/search?q=${encodeURIComponent(query)}`;
      const [a, b] = [await fetch(url(path)), await fetch(url(path))];
      expect(a.status).toBe(200);
      expect(a.headers.get("cache-control")).toContain("no-store");
      const policy = parseCsp(a.headers.get("content-security-policy"));
      expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
      expect(a.headers.get("content-security-policy")).not.toBe(b.headers.get("content-security-policy"));
      const nonce = policy
        .get("script-src")
        ?.find((s) => s.startsWith("'nonce-"))
        ?.slice(7, -1);
      expect(nonce, "script-src should carry this request's nonce").toBeTruthy();

      const html = await a.text();
      // Search pages are kept in the page store without Next's client runtime: the only script
      // element left would be one the query smuggled in, and there is none; the query is shown as text.
      expect(html, path).not.toMatch(/<script\b/i);
      if (query.startsWith("<")) expect(html, path).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      // There is exactly one policy: two would both apply, and the static one would still allow inline script.
      expect(a.headers.get("content-security-policy")).not.toContain(",");
    }
  });
});
