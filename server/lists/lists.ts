import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { recommendationListEditions, recommendationLists, type ListEntry } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { formatTokyoDateTime } from "@/lib/dates";
import { env } from "@/lib/env";
import { defineCommand } from "../command";
import { assertEditable, writeWorkingEdition } from "../editorial/working-edition";
import { listType, loadList } from "./editorial-type";
import { createListSchema, saveDraftSchema } from "./input";
import { publicArticleFacts } from "../public/recommendations";

/** Creates a list and its first draft edition. Placement targets must exist. */
export const createRecommendationList = defineCommand<typeof createListSchema, undefined, { id: number; version: number }>({
  action: "list.create",
  surface: "list",
  capability: "list:edit",
  input: createListSchema,
  // Undefined on a denial, before anything was created.
  target: (_input, _resource, result) => (result?.id ? { type: "list", id: result.id } : undefined),
  run: async ({ user, input: data, tx, note }): Promise<{ id: number; version: number }> => {
    if (data.placement === "category") {
      const category = data.categoryId
        ? await tx.query.categories.findFirst({ where: (c, { eq: is }) => is(c.id, data.categoryId!) })
        : null;
      if (!category)
        throw new AppError("bad_request:list", "Choose the category the list appears in.", { fields: { categoryId: "Choose a category" } });
    }
    const languages = env().SITE_LANGUAGES;
    let language = data.language || languages[0]!.code;
    if (!languages.some((l) => l.code === language))
      throw new AppError("bad_request:list", `Choose one of the site's languages: ${languages.map((l) => l.englishName).join(", ")}.`, {
        fields: { language: "Not one of the site's languages" },
      });
    if (data.placement === "article") {
      const article = data.articleId ? await tx.query.articles.findFirst({ where: (a, { eq: is }) => is(a.id, data.articleId!) }) : null;
      if (!article)
        throw new AppError("bad_request:list", "Choose the news item the list appears under.", {
          fields: { articleId: "Choose a news item" },
        });
      // A list under one item serves that item's page, in its language.
      language = article.language;
    }
    const [list] = await tx
      .insert(recommendationLists)
      .values({
        name: data.name,
        placement: data.placement,
        categoryId: data.placement === "category" ? data.categoryId : null,
        articleId: data.placement === "article" ? data.articleId : null,
        maxItems: data.maxItems,
        fillFromCategory: data.fillFromCategory,
        language,
        authorId: user.id,
      })
      .returning();
    const words = { name: data.name, maxItems: data.maxItems, fillFromCategory: data.fillFromCategory, entries: [] };
    await tx
      .insert(recommendationListEditions)
      .values({ listId: list!.id, number: 1, ...words, createdById: user.id, lastEditedById: user.id });
    note({ name: data.name, placement: data.placement, language });
    return { id: list!.id, version: list!.version };
  },
});

async function checkEntries(tx: Transaction, entries: ListEntry[], maxItems: number, ownArticleId: number | null) {
  const fields: Record<string, string> = {};
  if (entries.length > maxItems)
    fields.entries = `This list shows at most ${maxItems} items; remove ${entries.length - maxItems} or raise the limit.`;
  const keys = new Set<string>();
  entries.forEach((e, i) => {
    const key = e.kind === "article" ? `a:${e.articleId}` : `u:${e.url}`;
    if (keys.has(key)) fields[`entries.${i}`] = "This item is already on the list.";
    keys.add(key);
    if (e.kind === "article" && e.articleId === ownArticleId) fields[`entries.${i}`] = "A list cannot recommend the item it appears under.";
  });
  const ids = entries.flatMap((e) => (e.kind === "article" ? [e.articleId] : []));
  const facts = await publicArticleFacts(tx, ids);
  entries.forEach((e, i) => {
    if (e.kind === "article" && !facts.has(e.articleId)) fields[`entries.${i}`] ??= "Only published news items can be recommended.";
  });
  if (Object.keys(fields).length > 0) throw new AppError("bad_request:list", Object.values(fields).join(" "), { fields });
}

/**
 * Saves the list's draft into its working edition (editing a published list
 * starts edition n+1 and leaves the published one live). The list's version
 * must match what the editor loaded; otherwise the conflict names who saved last and when.
 */
export const saveRecommendationListDraft = defineCommand({
  action: "list.save",
  surface: "list",
  capability: "list:edit",
  input: saveDraftSchema,
  target: (input) => ({ type: "list", id: input.listId }),
  run: async ({ user, input: data, tx, now, note }) => {
    const list = await loadList(tx, data.listId);
    const current = await listType.ensureWorkingEdition(tx, list);
    if (list.version !== data.version) {
      const who = current.lastEditedById
        ? await tx.query.users.findFirst({ where: (u, { eq: is }) => is(u.id, current.lastEditedById!) })
        : null;
      throw new AppError(
        "conflict:list",
        `${who?.name ?? "Someone"} saved this list at ${formatTokyoDateTime(current.updatedAt)} (Tokyo) after you opened it. Reload to see their changes.`,
        {
          savedBy: who?.name ?? null,
          savedAt: current.updatedAt.toISOString(),
          version: list.version,
        },
      );
    }
    // In review, approved or scheduled: the reviewer approves exactly what they read, so the entries are locked (said before any entry problem).
    assertEditable(listType, current);
    await checkEntries(tx, data.entries, data.maxItems, list.placement === "article" ? list.articleId : null);
    const fields = {
      name: data.name,
      maxItems: data.maxItems,
      fillFromCategory: data.fillFromCategory,
      entries: data.entries,
      lastEditedById: user.id,
      updatedAt: now,
    };
    const edition = await writeWorkingEdition(tx, listType, { itemId: list.id, edition: current, userId: user.id, now, fields });
    const bumped = await tx
      .update(recommendationLists)
      .set({ version: list.version + 1 })
      .where(and(eq(recommendationLists.id, list.id), eq(recommendationLists.version, list.version)))
      .returning({ version: recommendationLists.version });
    if (bumped.length === 0) throw new AppError("conflict:list", "Someone else saved this list a moment ago. Reload to see their changes.");
    note({ edition: edition.number, entries: data.entries.length });
    return { version: bumped[0]!.version, editionNumber: edition.number };
  },
});
