import { sql } from "drizzle-orm";
import * as historyActions from "@/app/(studio)/studio/articles/[id]/history/actions";
import * as previewActions from "@/app/(studio)/studio/articles/[id]/preview/actions";
import * as articleActions from "@/app/(studio)/studio/articles/actions";
import * as userActions from "@/app/(studio)/studio/users/actions";
import type { Database } from "@/db/client";
import { INITIAL_FORM_STATE } from "@/lib/errors";
import type { Role } from "@/db/schema";
import * as drafts from "@/server/articles/drafts";
import * as previewLinks from "@/server/workflow/preview-links";
import * as flow from "@/server/editorial/transitions";
import * as withdrawal from "@/server/workflow/withdrawal";
import { actAs } from "../support/session";
import { body, draftPayload, seenVersion } from "../support/workflow";

/** Who calls: a staff role, or nobody signed in. */
export type Who = Role | "anonymous";

function form(values: Record<string, string | number | undefined>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) data.set(k, String(v));
  return data;
}

async function writtenBy(role: Role, title: string) {
  actAs(role);
  const { id } = await drafts.createArticle();
  await drafts.saveArticleDraft(draftPayload(id, 1, { title, slug: `matrix-${id}`, body: body(title) }));
  return id;
}
async function submittedBy(role: Role, title: string) {
  const id = await writtenBy(role, title);
  await flow.applyTransition("article", { articleId: id, transition: "submit" });
  return id;
}
async function approved(db: Database, title: string) {
  const id = await submittedBy("writer", title);
  actAs("admin");
  await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "approve" });
  return id;
}
async function published(db: Database, title: string) {
  const id = await approved(db, title);
  actAs("publisher");
  await flow.applyTransition("article", { articleId: id, version: await seenVersion(db, id), transition: "publish" });
  return id;
}

/** The panel posts the version the person read alongside approve, schedule and publish. */
const withVersion = async (db: Database, id: number) => ({ id, version: await seenVersion(db, id) });

type Case = {
  name: string;
  allowed: Who[];
  setup: (db: Database) => Promise<Record<string, number | string>>;
  call: (fixture: Record<string, number | string>, db: Database) => Promise<unknown>;
};

/**
 * Every studio server action with who may call it, the rows it needs made first (setup), and the call
 * itself, made directly (not through the UI).
 */
export const cases: Case[] = [
  {
    name: "create a news item",
    allowed: ["writer", "editor", "publisher", "admin"],
    setup: async () => ({}),
    call: () => articleActions.createArticleAction(),
  },
  {
    name: "save someone else's item (an editor's)",
    allowed: ["editor", "publisher", "admin"],
    setup: async () => ({ id: await writtenBy("editor", "Editor's own item") }),
    call: async ({ id }, db) => {
      const [row] = await db.all<{ version: number }>(sql`SELECT version FROM articles WHERE id = ${id}`);
      return articleActions.saveArticleAction(draftPayload(Number(id), row!.version, { slug: `matrix-${id}`, title: "Changed" }));
    },
  },
  {
    name: "submit the writer's draft",
    allowed: ["writer", "editor", "publisher", "admin"],
    setup: async () => ({ id: await writtenBy("writer", "Writer draft") }),
    call: ({ id }) => articleActions.transitionAction(INITIAL_FORM_STATE, form({ articleId: id, transition: "submit" })),
  },
  {
    name: "approve a submitted item",
    allowed: ["publisher", "admin"],
    setup: async (db) => withVersion(db, await submittedBy("writer", "Submitted item")),
    call: ({ id, version }) => articleActions.transitionAction(INITIAL_FORM_STATE, form({ articleId: id, version, transition: "approve" })),
  },
  {
    name: "request changes",
    allowed: ["editor", "publisher", "admin"],
    setup: async () => ({ id: await submittedBy("writer", "Needs changes") }),
    call: ({ id }) =>
      articleActions.transitionAction(INITIAL_FORM_STATE, form({ articleId: id, transition: "request_changes", comment: "Fix the date." })),
  },
  {
    name: "publish an approved item",
    allowed: ["publisher", "admin"],
    setup: async (db) => withVersion(db, await approved(db, "Approved item")),
    call: ({ id, version }) => articleActions.transitionAction(INITIAL_FORM_STATE, form({ articleId: id, version, transition: "publish" })),
  },
  {
    name: "schedule an approved item",
    allowed: ["publisher", "admin"],
    setup: async (db) => withVersion(db, await approved(db, "To schedule")),
    call: ({ id, version }) =>
      articleActions.transitionAction(
        INITIAL_FORM_STATE,
        form({ articleId: id, version, transition: "schedule", scheduledFor: "2099-01-01T09:00" }),
      ),
  },
  {
    name: "publish without review",
    allowed: ["admin"],
    setup: async (db) => withVersion(db, await writtenBy("writer", "Urgent")),
    call: ({ id, version }) =>
      articleActions.transitionAction(
        INITIAL_FORM_STATE,
        form({ articleId: id, version, transition: "force_publish", reason: "Emergency notice, no time." }),
      ),
  },
  {
    name: "withdraw a published item",
    allowed: ["publisher", "admin"],
    setup: async (db) => ({ id: await published(db, "To withdraw") }),
    call: ({ id }) => articleActions.withdrawAction(INITIAL_FORM_STATE, form({ articleId: id, explanation: "Published in error." })),
  },
  {
    name: "restore a withdrawn item",
    allowed: ["publisher", "admin"],
    setup: async (db) => {
      const id = await published(db, "To restore");
      await withdrawal.withdrawArticle({ articleId: id, explanation: "Published in error." });
      return { id };
    },
    call: ({ id }) => articleActions.restoreWithdrawnAction(INITIAL_FORM_STATE, form({ articleId: id })),
  },
  {
    name: "comment on an editor's item",
    allowed: ["editor", "publisher", "admin"],
    setup: async () => ({ id: await writtenBy("editor", "Commented") }),
    call: ({ id }) => articleActions.commentAction(INITIAL_FORM_STATE, form({ articleId: id, body: "Looks good." })),
  },
  {
    name: "confirm a review after publication without review (the admin published it)",
    allowed: ["editor", "publisher"],
    setup: async (db) => {
      const id = await writtenBy("writer", "Forced");
      actAs("admin");
      await flow.applyTransition("article", {
        articleId: id,
        version: await seenVersion(db, id),
        transition: "force_publish",
        reason: "Emergency notice, no time.",
      });
      return { id };
    },
    call: ({ id }) => articleActions.confirmReviewAction(INITIAL_FORM_STATE, form({ articleId: id })),
  },
  {
    name: "restore a revision of the writer's item",
    allowed: ["writer", "editor", "publisher", "admin"],
    setup: async (db) => {
      const id = await writtenBy("writer", "Revised");
      const [rev] = await db.all<{ id: number }>(sql`SELECT id FROM article_revisions WHERE article_id = ${id} ORDER BY id LIMIT 1`);
      return { id, revisionId: rev!.id };
    },
    call: ({ id, revisionId }) =>
      historyActions.restoreRevisionAction({ message: null }, form({ articleId: id, revisionId, confirm: "yes" })),
  },
  {
    name: "create a preview link",
    allowed: ["publisher", "admin"],
    setup: async () => ({ id: await writtenBy("writer", "Preview me") }),
    call: ({ id }) =>
      previewActions.createPreviewLinkAction({ ok: false, url: null, expiresAt: null, message: null }, form({ articleId: id })),
  },
  {
    name: "revoke a preview link",
    allowed: ["publisher", "admin"],
    setup: async (db) => {
      const id = await writtenBy("writer", "Preview revoke");
      actAs("publisher");
      const link = await previewLinks.createPreviewLink({ articleId: id });
      const [row] = await db.all<{ id: number }>(sql`SELECT id FROM preview_links WHERE article_id = ${id}`);
      return { id, linkId: row!.id, path: link.path };
    },
    call: ({ id, linkId }) => previewActions.revokePreviewLinkAction({ message: null }, form({ articleId: id, linkId })),
  },
  {
    name: "create a staff account",
    allowed: ["admin"],
    setup: async () => ({ n: Math.random().toString(36).slice(2, 8) }),
    call: ({ n }) =>
      userActions.createStaffMemberAction(
        null,
        form({ email: `new-${n}@koho.example`, name: "New Person", role: "writer", password: "a-long-enough-password" }),
      ),
  },
];
