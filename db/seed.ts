import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { count, eq } from "drizzle-orm";
import { formatDateline, tokyoNoonOf } from "@/lib/dates";
import type { ArticleDocument } from "@/lib/content/document-schema";
import { parseSeedDocument, seedToDocument, type SeedDocument } from "@/lib/content/seed-parser";
import { hashPassword } from "@/lib/password";
import { slugify } from "@/lib/slug";
import type { Database } from "./client";
import {
  articleEditions,
  articles,
  categories,
  recommendationListEditions,
  recommendationListItems,
  recommendationLists,
  users,
  type Role,
  type Signatory,
} from "./schema";
import { BASE_CATEGORIES } from "./base-categories";

/** Demo staff: one per role. Created only by the demo seed; the README lists them. */
export const DEMO_USERS: { email: string; name: string; role: Role; password: string }[] = [
  { email: "writer@koho.example", name: "Wakana Writer", role: "writer", password: "writer-demo-pass" },
  { email: "editor@koho.example", name: "Eiji Editor", role: "editor", password: "editor-demo-pass" },
  { email: "publisher@koho.example", name: "Perri Publisher", role: "publisher", password: "publisher-demo-pass" },
  { email: "admin@koho.example", name: "Aiko Admin", role: "admin", password: "admin-demo-pass" },
];

export const SEMINAR_SEED = "governor-meets-global-partners-seminar.txt";
export const COMMUNIQUE_SEED = "joint-communique-rome-tokyo.txt";
/** The communiqué's Japanese version, written for the demo: optional in a SEEDS_DIR of one's own. */
export const COMMUNIQUE_JA_SEED = "joint-communique-rome-tokyo.ja.txt";

/** The seeds do not say when the seminar item ran; February 1 fell on a Wednesday in 2017, the year of the 2nd seminar. */
const SEMINAR_DATELINE = "2017-02-01";
const COMMUNIQUE_CATEGORY = "international-relations";

/** Categories for the ten recommended items, chosen from their titles. */
const RECOMMENDED_CATEGORY: Record<string, string> = {
  "2026 Tokyo Ambassadors Night": "international-relations",
  "Tokyo Gov. Tours Europe: Promoting Multicity Action at OECD in Paris, Friendship with Rome": "international-relations",
  "Announcement of the Start of Nishiogi Management Lab": "economy",
  "Governor Attends Symposium on Pre-Disaster Reconstruction Planning for Cities": "disaster-prevention",
  "Governor Meets PR Caravan for Izu-Oshima Camellia Festival": "tourism",
  "Governor Koike Attends ‘New Year’s Reception’ Organized by TCCI": "economy",
  "Advisory Council Discusses Promoting Tourism in Tokyo": "tourism",
};

/** Where the demo content lives inside the repository (`SEEDS_DIR` overrides it). */
export const DEMO_CONTENT_DIR = "db/demo";

/** A demo content file that cannot be read: the message names the file and is all a person needs to see. */
export class DemoContentError extends Error {
  override name = "DemoContentError";
}

export function readSeed(seedsDir: string, file: string): SeedDocument {
  const path = join(resolve(seedsDir), file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new DemoContentError(
      `Cannot read demo content ${path}: ${reason} (set SEEDS_DIR to a folder with ${SEMINAR_SEED} and ${COMMUNIQUE_SEED}).`,
    );
  }
  try {
    return parseSeedDocument(text);
  } catch (error) {
    throw new DemoContentError(`Demo content ${path} is not in the expected format: ${(error as Error).message}`);
  }
}

export async function seedBaseData(db: Database): Promise<void> {
  const [{ n }] = (await db.select({ n: count() }).from(categories)) as [{ n: number }];
  if (n > 0) return;
  await db.insert(categories).values(BASE_CATEGORIES.map((c, position) => ({ ...c, position })));
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [a] = await db.select({ n: count() }).from(articles);
  const [u] = await db.select({ n: count() }).from(users);
  return (a?.n ?? 0) === 0 && (u?.n ?? 0) === 0;
}

type NewItem = {
  title: string;
  /** Defaults to the title's slug; a translation's is its source's with the language after it. */
  slug?: string;
  language?: string;
  translationOf?: { id: number; editionId: number };
  summary: string;
  body: ArticleDocument;
  category: string;
  datelineDate: string;
  signatories?: Signatory[];
  tags?: string[];
};

/** Up to and including the first 。 */
function firstJapaneseSentence(text: string): string {
  const end = text.indexOf("。");
  return end < 0 ? text : text.slice(0, end + 1);
}

function firstSentence(text: string, max = 280): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  const s = m?.[1] ?? text;
  return s.length <= max ? s : `${s.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

/** Demo content from db/demo and the demo staff, in one transaction. */
export async function seedDemo(db: Database, seedsDir: string): Promise<void> {
  const seminar = readSeed(seedsDir, SEMINAR_SEED);
  const communique = readSeed(seedsDir, COMMUNIQUE_SEED);
  const communiqueJa = existsSync(join(resolve(seedsDir), COMMUNIQUE_JA_SEED)) ? readSeed(seedsDir, COMMUNIQUE_JA_SEED) : null;
  const passwordHashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));

  await db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values(DEMO_USERS.map((u, i) => ({ email: u.email, name: u.name, role: u.role, passwordHash: passwordHashes[i]! })));
    const writer = await tx.query.users.findFirst({ where: (u, ops) => ops.eq(u.role, "writer") });
    const cats = new Map((await tx.select().from(categories)).map((c) => [c.slug, c.id]));

    const insertPublished = async (item: NewItem) => {
      const publishedAt = tokyoNoonOf(item.datelineDate);
      const [article] = await tx
        .insert(articles)
        .values({
          slug: item.slug ?? slugify(item.title),
          guid: randomUUID(),
          language: item.language ?? "en",
          translationOfId: item.translationOf?.id ?? null,
          translatedFromEditionId: item.translationOf?.editionId ?? null,
          status: "published",
          categoryId: cats.get(item.category)!,
          authorId: writer!.id,
          firstPublishedAt: publishedAt,
          publicUpdatedAt: publishedAt,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        })
        .returning();
      const [edition] = await tx
        .insert(articleEditions)
        .values({
          articleId: article!.id,
          number: 1,
          state: "published",
          title: item.title,
          summary: item.summary,
          body: item.body,
          categoryId: cats.get(item.category)!,
          datelineDate: item.datelineDate,
          signatories: item.signatories ?? [],
          tags: item.tags ?? [],
          createdById: writer!.id,
          lastEditedById: writer!.id,
          publishedAt,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        })
        .returning();
      await tx.update(articles).set({ publishedEditionId: edition!.id }).where(eq(articles.id, article!.id));
      return { ...article!, publishedEditionId: edition!.id };
    };

    await insertPublished({
      title: seminar.title,
      summary: firstSentence(seminar.paragraphs[0] ?? ""),
      body: seedToDocument(seminar),
      category: slugify(seminar.category ?? "government"),
      datelineDate: SEMINAR_DATELINE,
      tags: ["Tokyo Global Partners Seminar", "city diplomacy"],
    });
    const communiqueItem = await insertPublished({
      title: communique.title,
      summary: firstSentence(communique.paragraphs[0] ?? ""),
      body: seedToDocument(communique),
      category: COMMUNIQUE_CATEGORY,
      datelineDate: communique.datelineDate!,
      signatories: communique.signatories,
      tags: ["Rome", "friendship cities", "joint communiqué"],
    });
    if (communiqueJa) {
      await insertPublished({
        title: communiqueJa.title,
        slug: `${communiqueItem.slug}-ja`,
        language: "ja",
        translationOf: { id: communiqueItem.id, editionId: communiqueItem.publishedEditionId },
        summary: firstJapaneseSentence(communiqueJa.paragraphs[0] ?? ""),
        body: seedToDocument(communiqueJa),
        category: COMMUNIQUE_CATEGORY,
        datelineDate: communiqueJa.datelineDate!,
        signatories: communiqueJa.signatories,
        tags: ["ローマ", "友好都市", "共同声明"],
      });
    }

    const recommended = [];
    for (const rec of seminar.recommended) {
      const text = `${rec.title}: news from the Office of the Governor, ${formatDateline(rec.date)}.`;
      recommended.push(
        await insertPublished({
          title: rec.title,
          summary: text,
          body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
          category: RECOMMENDED_CATEGORY[rec.title] ?? "government",
          datelineDate: rec.date,
        }),
      );
    }

    const [list] = await tx
      .insert(recommendationLists)
      .values({
        name: "Site default",
        placement: "default",
        status: "published",
        maxItems: 10,
        publishedAt: new Date(),
      })
      .returning();
    await tx.insert(recommendationListItems).values(recommended.map((a, position) => ({ listId: list!.id, position, articleId: a.id })));
    const [edition] = await tx
      .insert(recommendationListEditions)
      .values({
        listId: list!.id,
        number: 1,
        state: "published",
        name: "Site default",
        maxItems: 10,
        entries: recommended.map((a) => ({ kind: "article" as const, articleId: a.id })),
        createdById: writer!.id,
        lastEditedById: writer!.id,
        publishedAt: new Date(),
      })
      .returning({ id: recommendationListEditions.id });
    await tx
      .update(recommendationLists)
      .set({ publishedEditionId: edition!.id, authorId: writer!.id })
      .where(eq(recommendationLists.id, list!.id));
  });
}
