/**
 * The addresses of the e-mail alert pages, as the default language writes them (proxy.ts strips
 * "/ja" first). They are the reader's own (an address typed in, a token in the path): never kept
 * in the public page store or a shared cache, never indexed.
 */
export function isSubscriptionPath(path: string): boolean {
  return path === "/subscribe" || path.startsWith("/subscribe/") || path.startsWith("/email/");
}

/**
 * Where a form or a mail client's POST to a subscriber link's page goes: the route handler beside
 * it ("/email/unsubscribe/<token>" -> "/email/unsubscribe/<token>/submit"). Next cannot answer GET
 * with a page and POST with a route at one address, and RFC 8058's one-click unsubscribe POSTs to
 * the very address in the List-Unsubscribe header, so proxy.ts rewrites these POSTs.
 */
export function subscriberLinkPostTarget(path: string): string | null {
  return /^\/email\/(?:confirm|manage|unsubscribe)\/[^/]+$/.test(path) ? `${path}/submit` : null;
}
