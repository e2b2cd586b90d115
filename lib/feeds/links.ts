/** Where the feeds live: site-wide at the root, per category under the category's page. */
export function feedPaths(categorySlug?: string) {
  const base = categorySlug ? `/category/${categorySlug}` : "";
  return { rss: `${base}/feed.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` };
}

type AlternateLink = { url: string; title: string };

/**
 * `alternates.types` for Next metadata: the <link rel="alternate"> tags feed readers
 * discover. A category page lists its own feeds first, then the site-wide ones.
 */
export function feedAlternateTypes(siteName: string, category?: { slug: string; name: string }) {
  const site = feedPaths();
  const own = category ? feedPaths(category.slug) : null;
  const link = (paths: ReturnType<typeof feedPaths>, key: keyof typeof paths, label: string, format: string) => ({
    url: paths[key],
    title: `${label} (${format})`,
  });
  const entries = (key: keyof typeof site, format: string): AlternateLink[] => [
    ...(own && category ? [link(own, key, `${siteName}: ${category.name}`, format)] : []),
    link(site, key, siteName, format),
  ];
  return {
    "application/rss+xml": entries("rss", "RSS"),
    "application/atom+xml": entries("atom", "Atom"),
    "application/feed+json": entries("json", "JSON Feed"),
  };
}
