/**
 * The Drizzle tables, split by domain. Row types come from $inferSelect; the
 * words stored as text (roles, states, placements…) are defined in
 * lib/vocabulary.ts and re-exported here only so server/ code that still
 * imports them from db/schema keeps working.
 */
export * from "./people";
export * from "./categories";
export * from "./media";
export * from "./articles";
export * from "./article-review";
export * from "./lists";
export * from "./operations";
export * from "./presence";
export * from "./subscriptions";

export {
  ARTICLE_STATUSES,
  EDITION_STATES,
  LIST_PLACEMENTS,
  ROLES,
  type ArticleStatus,
  type EditionState,
  type ListEntry,
  type ListPlacement,
  type MediaVariant,
  type Role,
  type Signatory,
} from "@/lib/vocabulary";
