import { Feed } from "feed";
import { toTokyoIsoString } from "@/lib/dates";
import { xmlSafe } from "@/lib/xml-text";
import { toTokyoRfc822 } from "./tokyo-rfc822";

export type FeedFormat = "rss" | "atom" | "json";

/** One published item as every feed format needs it. `contentHtml` is already sanitized. */
export type FeedEntry = {
  /** articles.guid, the same across editions. */
  guid: string;
  title: string;
  url: string;
  summary: string;
  contentHtml: string;
  category: { slug: string; name: string; url: string };
  publishedAt: Date;
  /** The last major public change; equals publishedAt until there is one. */
  updatedAt: Date;
  /** The item's hero image (absolute URL), carried as an enclosure / image. */
  image?: { url: string; type: string; length: number };
};

export type FeedChannel = {
  title: string;
  description: string;
  homeUrl: string;
  feedUrls: Record<FeedFormat, string>;
  /** The press office: author of every item. */
  author: { name: string; url: string };
  language: string;
  /** The channel's own date; the newest item's when there are items. */
  updated: Date;
  /** A WebSub hub (WEBSUB_HUB_URL) the feed advertises, so readers' hubs hear of changes at once. */
  hubUrl?: string;
};

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * HTML that goes into a CDATA section. `feed`'s XML writer splits only the first
 * "]]>" of a section, so none may remain; "]]&gt;" means the same in HTML.
 */
const cdataHtml = (html: string) => html.replaceAll("]]>", "]]&gt;");

/** Every text field made safe for XML once, before any format sees it (issue 14). */
function safeChannel(c: FeedChannel): FeedChannel {
  return { ...c, title: xmlSafe(c.title), description: xmlSafe(c.description), author: { ...c.author, name: xmlSafe(c.author.name) } };
}
function safeEntry(e: FeedEntry): FeedEntry {
  return {
    ...e,
    title: xmlSafe(e.title),
    summary: xmlSafe(e.summary),
    contentHtml: cdataHtml(xmlSafe(e.contentHtml)),
    category: { ...e.category, name: xmlSafe(e.category.name) },
  };
}

export const guidUrn = (guid: string) => `urn:uuid:${guid}`;

function newFeed(channel: FeedChannel, selfLink: Partial<Record<FeedFormat, string>>) {
  return new Feed({
    id: channel.homeUrl,
    title: channel.title,
    description: channel.description,
    link: channel.homeUrl,
    language: channel.language,
    updated: channel.updated,
    generator: "Kōhō",
    copyright: `© ${channel.author.name}`,
    author: { name: channel.author.name, link: channel.author.url },
    feedLinks: selfLink,
    // `feed` writes <atom:link rel="hub"> (RSS) and <link rel="hub"> (Atom) next to rel="self".
    ...(channel.hubUrl ? { hub: channel.hubUrl } : {}),
  });
}

/** RSS 2.0. `feed` writes dates in GMT; its extension hook lets us set the Tokyo dates in place. */
function rss(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = newFeed(channel, { rss: channel.feedUrls.rss });
  feed.addExtension({ name: "lastBuildDate", objects: { _text: toTokyoRfc822(channel.updated) } });
  for (const e of entries) {
    const majorChange = e.updatedAt.getTime() > e.publishedAt.getTime();
    feed.addItem({
      // The plain-text title goes in as an escaped text node (below), not as CDATA, which cannot hold every "]]>".
      title: "",
      link: e.url,
      guid: guidUrn(e.guid),
      date: e.publishedAt,
      // RSS descriptions are read as HTML: the plain summary is escaped.
      description: escapeHtml(e.summary),
      // Never empty: an item with content is also what makes `feed` declare the dc: namespace.
      content: e.contentHtml || cdataHtml(`<p>${escapeHtml(e.summary || e.title)}</p>`),
      category: [{ name: e.category.name, domain: e.category.url }],
      ...(e.image ? { image: e.image } : {}),
      extensions: [
        { name: "title", objects: { _text: e.title } },
        { name: "pubDate", objects: { _text: toTokyoRfc822(e.publishedAt) } },
        // <author> must be an e-mail address in RSS 2.0; the office's name goes in dc:creator.
        { name: "dc:creator", objects: { _text: channel.author.name } },
        ...(majorChange ? [{ name: "atom:updated", objects: { _text: toTokyoIsoString(e.updatedAt) } }] : []),
      ],
    });
  }
  return feed.rss2();
}

/** Atom 1.0. `feed` writes UTC instants; each is rewritten to the same instant at +09:00. */
function atom(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = newFeed(channel, { atom: channel.feedUrls.atom });
  const tokyo = new Map<string, string>();
  const remember = (d: Date) => tokyo.set(d.toISOString(), toTokyoIsoString(d));
  remember(channel.updated);
  for (const e of entries) {
    remember(e.publishedAt);
    remember(e.updatedAt);
    feed.addItem({
      // type="html": titles and summaries are text, so they are escaped.
      title: escapeHtml(e.title),
      id: guidUrn(e.guid),
      link: e.url,
      date: e.updatedAt,
      published: e.publishedAt,
      description: escapeHtml(e.summary),
      content: e.contentHtml,
      author: [{ name: channel.author.name, link: channel.author.url }],
      // Atom puts these in attributes, which `feed`'s XML writer does not escape beyond quotes.
      category: [{ name: escapeHtml(e.category.name), term: escapeHtml(e.category.slug), scheme: escapeHtml(e.category.url) }],
      ...(e.image ? { image: e.image } : {}),
    });
  }
  // Titles and summaries are escaped and content is sanitized HTML, so a literal
  // <updated>/<published> tag can only be one of the feed's own date elements.
  return (
    feed
      .atom1()
      // `feed` writes no language on Atom; xml:lang on the root is Atom's (RFC 4287 §2) and covers every entry.
      // The first "<feed" is the root: only the XML declaration comes before it.
      .replace(/<feed\b/, `<feed xml:lang="${escapeHtml(channel.language)}"`)
      .replace(/<(updated|published)>([^<]+)<\/\1>/g, (whole, tag: string, iso: string) =>
        tokyo.has(iso) ? `<${tag}>${tokyo.get(iso)}</${tag}>` : whole,
      )
  );
}

/** JSON Feed 1.1. `feed` writes version 1 with a single `author`; this is the 1.1 shape. */
function json(channel: FeedChannel, entries: FeedEntry[]): string {
  const feed = newFeed(channel, { json: channel.feedUrls.json });
  for (const e of entries) {
    feed.addItem({
      title: e.title,
      id: guidUrn(e.guid),
      link: e.url,
      date: e.updatedAt,
      published: e.publishedAt,
      description: e.summary,
      content: e.contentHtml,
      author: [{ name: channel.author.name, link: channel.author.url }],
      category: [{ name: e.category.name }],
      ...(e.image ? { image: e.image } : {}),
    });
  }
  const generated = JSON.parse(feed.json1()) as Record<string, unknown> & { items: Record<string, unknown>[] };
  const { author, items, ...top } = generated;
  return JSON.stringify(
    {
      ...top,
      version: "https://jsonfeed.org/version/1.1",
      // `feed` writes no hubs; JSON Feed 1.1 lists them as { type, url }.
      ...(channel.hubUrl ? { hubs: [{ type: "WebSub", url: channel.hubUrl }] } : {}),
      language: channel.language,
      authors: [author],
      items: items.map(({ author: itemAuthor, ...item }, i) => ({
        ...item,
        authors: [itemAuthor],
        date_published: toTokyoIsoString(entries[i]!.publishedAt),
        date_modified: toTokyoIsoString(entries[i]!.updatedAt),
      })),
    },
    null,
    2,
  );
}

export function buildFeed(format: FeedFormat, rawChannel: FeedChannel, rawEntries: FeedEntry[]): string {
  const channel = safeChannel(rawChannel);
  const entries = rawEntries.map(safeEntry);
  if (format === "rss") return rss(channel, entries);
  if (format === "atom") return atom(channel, entries);
  return json(channel, entries);
}
