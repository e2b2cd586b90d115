/**
 * The one sentence a feed writes itself (everything else is the items' own words, the site's
 * name and the categories' translated names, lib/i18n/categories.ts). A language without an
 * entry here gets English: adding one is a line, not code.
 */
const SITE_FEED_DESCRIPTION: Record<string, (office: string) => string> = {
  en: (office) => `News from the ${office}.`,
  ja: (office) => `${office}のニュース。`,
};

export function siteFeedDescription(language: string, office: string): string {
  return (SITE_FEED_DESCRIPTION[language] ?? SITE_FEED_DESCRIPTION.en!)(office);
}
