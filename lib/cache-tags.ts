/**
 * Cache tags of public reads. Every state change that alters what readers see
 * invalidates the tags it touches (see server/ writes), nothing more.
 */
export const cacheTags = {
  /** Any listing of articles: home, category pages, archive, feeds, sitemaps. */
  publicListings: "public:listings",
  article: (slug: string) => `public:article:${slug}`,
  /** Every language version of one item (the source's id names the group): their pages link to and warn about each other. */
  translationGroup: (sourceId: number) => `public:translations:${sourceId}`,
  categories: "public:categories",
  recommendations: "public:recommendations",
} as const;
