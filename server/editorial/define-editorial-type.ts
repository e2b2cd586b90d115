import "server-only";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Database, Transaction } from "@/db/client";
import type { EditionState } from "@/db/schema";
import type { Capability } from "@/lib/permissions";
import type { TransitionName } from "@/lib/workflow";
import type { TransitionData } from "@/lib/workflow-input";
import type { CurrentUser } from "../auth/current-user";

export type EditorialKind = "article" | "list";
export type Reader = Database | Transaction;

/** What the engine needs of every edition row; a type's own fields (title, entries…) ride along. */
export type EditionCore = {
  id: number;
  number: number;
  state: EditionState;
  lastEditedById: number | null;
  scheduledFor: Date | null;
  updatedAt: Date;
};

/** What the engine needs of the item that owns the editions. */
export type ItemCore = { id: number; version: number; publishedEditionId: number | null };

/**
 * An edition table: the engine reads and moves these columns by name, so
 * every edition table has them (id, number, state, lastEditedById,
 * reviewedById, publishedById, publishedAt, scheduledFor, scheduleError,
 * createdById, updatedAt) besides its own.
 */
type Col = SQLiteColumn;
export type EditionTable = SQLiteTable & { id: Col; number: Col; state: Col; scheduledFor: Col; scheduleError: Col };
export type ItemTable = SQLiteTable & { id: Col; version: Col };

export type StepContext<Item, Edition> = {
  tx: Transaction;
  user: CurrentUser;
  item: Item;
  edition: Edition;
  data: TransitionData;
  now: Date;
};

export type PublishContext<Item, Edition> = {
  tx: Transaction;
  item: Item;
  /** The edition as it is being published (with any change type and note of this step). */
  edition: Edition;
  actorId: number | null;
  now: Date;
  /** Set when an administrator published without review. */
  forcedReason?: string;
};

export type EditorialTypeSpec<Item extends ItemCore, Edition extends EditionCore> = {
  kind: EditorialKind;
  surface: "article" | "list";
  /** The form field and argument that names the item ("articleId"). */
  idField: string;
  /** How messages name the item ("item", "list") and what a reviewer reads ("words", "entries"). */
  noun: string;
  contents: string;
  editions: { table: EditionTable; parentId: Col; parentKey: string };
  items: { table: ItemTable };
  /** The steps this type offers and the capability each needs (a subset of lib/workflow's table). */
  capabilities: Partial<Record<TransitionName, Capability>>;
  /** The item by id (404 when missing); the transition's capability and mayMove check the caller. */
  loadForCaller: (db: Reader, id: number) => Promise<Item>;
  /** The newest edition, created if the item predates editions. */
  ensureWorkingEdition: (tx: Transaction, item: Item) => Promise<Edition>;
  /** A refusal beyond the workflow's rules (articles: only the author or an editor moves a draft), or null. */
  mayMove?: (user: CurrentUser, item: Item, transition: TransitionName) => string | null;
  /** True when publishing this item again needs a change type (and a note when major). */
  isRepublication?: (item: Item) => boolean;
  /** What publishing does besides moving the edition (published pointers, search index, snapshots). */
  publish: (ctx: PublishContext<Item, Edition>) => Promise<void>;
  /** Anything a step records besides the state move (articles: the review thread). */
  afterStep?: (ctx: StepContext<Item, Edition> & { transition: TransitionName }) => Promise<void>;
  /** The public cache tags a publication of this item makes stale. */
  tagsFor: (item: Item) => string[];
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEditorialType = EditorialTypeSpec<any, any>;

/** Declares a content type with editions; the engine (transitions, scheduler, working edition) does the rest. */
export function defineEditorialType<Item extends ItemCore, Edition extends EditionCore>(spec: EditorialTypeSpec<Item, Edition>) {
  return spec;
}
