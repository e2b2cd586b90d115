import type { Page } from "playwright-core";

/**
 * Collects Content-Security-Policy violations on a page: the DOM
 * `securitypolicyviolation` events (the init script runs through the
 * DevTools protocol, outside the page's policy) and the console lines
 * Chromium prints for them.
 */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleLines: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) consoleLines.push(message.text());
  });
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = store;
    document.addEventListener("securitypolicyviolation", (e) => store.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`));
  });
  return async () => {
    const events = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
    return [...events, ...consoleLines];
  };
}

/** The directives of a policy as a map from name to its sources. */
export function parseCsp(policy: string | null | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (policy ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}
