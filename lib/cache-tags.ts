/**
 * Cache tags of public reads. Every state change that alters what readers see
 * invalidates the tags it touches (see server/ writes), nothing more.
 */
export const cacheTags = {
  /** Any listing of articles: home, category pages, archive, feeds, sitemaps. */
  publicListings: "public:listings",
  article: (slug: string) => `public:article:${slug}`,
  categories: "public:categories",
  recommendations: "public:recommendations",
} as const;
