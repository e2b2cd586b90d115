import { subscribeEn } from "./subscribe-en";

/**
 * The public site's chrome in English: the model every other catalogue must match key for key
 * (`Messages` below; each catalogue is typed with it, so a missing or extra key fails the build).
 * "{name}" in a string is a slot for a link or a date (lib/i18n/template.ts); functions build
 * plain text that depends on a number.
 */
const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n.toLocaleString("en-US")} ${many}`);

export const en = {
  shell: {
    siteDescription: "News from the Office of the Governor.",
    skipLink: "Skip to main content",
    homeLink: "Home",
    categoriesNav: "Categories",
    footerNav: "Footer",
    latestNews: "Latest news",
    archive: "Archive",
    search: "Search",
    rssFeed: "RSS feed",
    languageNav: "Language",
    emailAlerts: "Get e-mail alerts",
  },
  siteSearch: {
    formLabel: "Site search",
    fieldLabel: "Search news",
    button: "Search",
  },
  pagination: {
    nav: "Pages",
    newer: "← Newer news",
    older: "Older news →",
    pageOf: (page: number, total: number) => `Page ${page} of ${total}`,
  },
  listing: {
    latestHeading: "Latest news",
    latestPagedHeading: (page: number) => `Latest news — page ${page}`,
    nothingYet: "No news has been published yet.",
    categoryLabel: "Category",
    categoryPagedHeading: (name: string, page: number) => `${name} — page ${page}`,
    categoryEmpty: (name: string) => `Nothing has been published in ${name} yet.`,
  },
  article: {
    recommended: "Recommended for You",
    /** {date}, {note} */
    updated: "Updated {date}: {note}",
    changeHistory: "Change history",
    /** {date}, {note} */
    changeLine: "{date}: {note}",
    firstPublished: "First published.",
    withdrawnLabel: "Withdrawn",
    /** {date} */
    withdrawn: "This news item was withdrawn on {date}.",
    signatories: "Signatories",
    outOfDateLabel: "Newer version available",
    /** {language} (the source's language, named in this page's language), {date} */
    outOfDate: "The {language} version of this news item was updated on {date}.",
    /** {language}, {title} (the source's title, in its own language) */
    outOfDateLink: "For the latest information, read the {language} version: {title}",
  },
  archive: {
    title: "Archive",
    description: "Every news item from the Office of the Governor, month by month.",
    lede: "Every news item, by the month it was first published (Tokyo time).",
    year: (year: number) => String(year),
    itemCount: (n: number) => plural(n, "item", "items"),
    monthTitle: (month: string) => `Archive: ${month}`,
    monthDescription: (month: string) => `News first published in ${month}.`,
    monthLede: (count: number, month: string) => `${plural(count, "item", "items")} first published in ${month}.`,
    monthsNav: "Months",
    allMonths: "All months",
  },
  search: {
    title: "Search",
    description: "Search the news from the Office of the Governor.",
    heading: "Search the news",
    formLabel: "Search the news",
    words: "Words to search for",
    narrow: "Narrow the results (optional)",
    category: "Category",
    allCategories: "All categories",
    from: "Dated from",
    to: "Dated to",
    dateHint: "Dates are written YYYY-MM-DD, for example 2026-02-05.",
    button: "Search",
    intro: "Search the titles, summaries and full text of every published news item.",
    enterWordsFiltered: "Enter one or more words to search for within these filters.",
    problemTitle: "There is a problem with your search",
    cannotSearchTitle: "We could not search for that",
    errors: {
      category: "That category does not exist. Choose one from the list, or “All categories”.",
      from: "The “from” date must be a real date written YYYY-MM-DD, such as 2026-02-05.",
      to: "The “to” date must be a real date written YYYY-MM-DD, such as 2026-02-05.",
      page: "The page must be a whole number from 1 to 9999.",
      order: "The “from” date is after the “to” date. Swap them to search that period.",
      empty: "Enter one or more words to search for.",
      tooLong: (length: number, max: number) =>
        `Your search is ${length.toLocaleString("en-US")} characters long. Please use at most ${max} characters — a few distinctive words work best.`,
      tooManyTerms: (n: number, max: number) =>
        `Your search has ${n} words. Please use at most ${max}: every word must appear in a result.`,
      noWords: "Your search has no words to look for (symbols and the words AND, OR, NOT are ignored). Try a name, a place or a topic.",
    },
    resultsHeading: (n: number, q: string) => `${plural(n, "result", "results")} for “${q}”`,
    resultPagesNav: "Search result pages",
    previousResults: "← Previous results",
    moreResults: "More results →",
    noSuchPageTitle: (page: number) => `There is no page ${page} of these results`,
    resultsEndAt: (pages: number) => `The results end at page ${pages}.`,
    firstPageLink: "Go to the first page of results",
    noResultsHeading: (q: string) => `No results for “${q}”`,
    noResultsBody: (filtered: boolean) =>
      `No published news item contains all of these words${filtered ? " within the filters you chose" : ""}.`,
    youCould: "You could:",
    trySpelling: "check the spelling, or try another form of a word (a name, a place, a topic);",
    tryFewerWords: "use fewer words: every word must appear in a result;",
    searchEverything: "search all categories and dates",
    listEnd: ";",
    /** {archive}, {latest}: links */
    tryBrowsing: "browse the {archive}, or the {latest}.",
    archiveLink: "archive, month by month",
    latestLink: "latest news",
  },
  notFound: {
    title: "Page not found",
    heading: "Page not found",
    body: "There is no published news item at this address. It may have been mistyped, or the item may not be published yet.",
    searchLabel: "Search the news",
    latest: "Read the latest news",
    archive: "Browse the archive, month by month",
    category: (name: string) => `Browse ${name}`,
  },
  subscribe: subscribeEn,
};

export type Messages = typeof en;
