import { eq, inArray } from "drizzle-orm";
import { DomUtils, parseDocument } from "htmlparser2";
import * as categoryAtom from "@/app/(site)/category/[slug]/atom.xml/route";
import * as categoryJson from "@/app/(site)/category/[slug]/feed.json/route";
import * as categoryRss from "@/app/(site)/category/[slug]/feed.xml/route";
import * as atom from "@/app/atom.xml/route";
import * as json from "@/app/feed.json/route";
import * as rss from "@/app/feed.xml/route";
import type { Database } from "@/db/client";
import { categories, outboxEvents, websubPings } from "@/db/schema";

/** What the WebSub tests read: feeds through their routes, what a feed advertises, an item's events and pings. */

export const get = (path: string) => new Request(`http://localhost:3000${path}`);
export const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

/** The feeds a workflow item (category 1, English) changes, each answered through its route. */
export async function itemFeeds(db: Database) {
  const [category] = await db.select({ slug: categories.slug }).from(categories).where(eq(categories.id, 1));
  const slug = category!.slug;
  return [
    () => rss.GET(get("/feed.xml")),
    () => atom.GET(get("/atom.xml")),
    () => json.GET(get("/feed.json")),
    () => categoryRss.GET(get(`/category/${slug}/feed.xml`), params({ slug })),
    () => categoryAtom.GET(get(`/category/${slug}/atom.xml`), params({ slug })),
    () => categoryJson.GET(get(`/category/${slug}/feed.json`), params({ slug })),
  ];
}

/** The rel=self and rel=hub a feed body names: <atom:link> in RSS, <link> in Atom, feed_url and hubs in JSON Feed. */
export function advertised(body: string): { self?: string; hubs: string[] } {
  if (body.trimStart().startsWith("{")) {
    const doc = JSON.parse(body) as { feed_url?: string; hubs?: { type: string; url: string }[] };
    return { self: doc.feed_url, hubs: (doc.hubs ?? []).map((h) => `${h.type} ${h.url}`) };
  }
  const doc = parseDocument(body, { xmlMode: true });
  const channel = DomUtils.findOne((e) => e.name === "channel" || e.name === "feed", doc.children)!;
  const links = channel.children.filter((n) => DomUtils.isTag(n) && (n.name === "atom:link" || n.name === "link")) as {
    attribs: Record<string, string>;
  }[];
  return {
    self: links.find((l) => l.attribs.rel === "self")?.attribs.href,
    hubs: links.filter((l) => l.attribs.rel === "hub").map((l) => `WebSub ${l.attribs.href}`),
  };
}

/** Each feed's self address, as its Link header names it. */
export async function advertisedTopics(db: Database) {
  const topics: string[] = [];
  for (const call of await itemFeeds(db)) topics.push(/<([^>]+)>; rel="self"/.exec((await call()).headers.get("link") ?? "")?.[1] ?? "");
  return topics.sort();
}

export const pingsOf = (db: Database, eventIds: number[]) => db.select().from(websubPings).where(inArray(websubPings.eventId, eventIds));
export const eventsOf = async (db: Database, articleId: number) =>
  (await db.select({ id: outboxEvents.id }).from(outboxEvents).where(eq(outboxEvents.articleId, articleId))).map((e) => e.id);
