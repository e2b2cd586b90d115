/**
 * The newsroom's words, as data: every role, state, placement and kind that is
 * stored as text. db/schema/ builds its column enums from these lists, and
 * lib/, components/ and app/ import them from here, never from db/.
 */

export const ROLES = ["writer", "editor", "publisher", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Where an article stands publicly. The editorial state of each edition is separate. */
export const ARTICLE_STATUSES = ["draft", "published", "withdrawn"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The editorial life of one edition; "superseded" is a published edition replaced by a newer one. */
export const EDITION_STATES = ["draft", "submitted", "changes_requested", "approved", "scheduled", "published", "superseded"] as const;
export type EditionState = (typeof EDITION_STATES)[number];

/** A minor change (a typo) keeps the public date; a major one moves dateModified. */
export const CHANGE_TYPES = ["minor", "major"] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** Where a recommendation list shows: everywhere, on one category, or under one article. */
export const LIST_PLACEMENTS = ["default", "category", "article"] as const;
export type ListPlacement = (typeof LIST_PLACEMENTS)[number];

/** Whether a recommendation list has a published edition readers see. */
export const LIST_STATUSES = ["draft", "published"] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/** What a review-thread entry is: a remark, a request for changes, or an approval. */
export const REVIEW_COMMENT_KINDS = ["comment", "changes_requested", "approved"] as const;
export type ReviewCommentKind = (typeof REVIEW_COMMENT_KINDS)[number];

/** How an audited attempt ended. */
export const AUDIT_OUTCOMES = ["ok", "denied", "failed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who signs a press release, in the order printed under it. */
export type Signatory = { name: string; title: string };

/** One line of a recommendation list: a published item, or an external link. */
export type ListEntry = { kind: "article"; articleId: number } | { kind: "external"; url: string; title: string; date: string };

/** One generated size of an uploaded image (the original is never served). */
export type MediaVariant = { width: number; height: number; format: "webp" | "avif" | "jpeg" | "png"; key: string; bytes: number };

/** How often a subscriber hears: an alert per item as it goes out, or one daily digest at a Tokyo hour. */
export const SUBSCRIPTION_FREQUENCIES = ["immediate", "daily"] as const;
export type SubscriptionFrequency = (typeof SUBSCRIPTION_FREQUENCIES)[number];

/** pending until the link in the confirmation is followed; nothing but that confirmation is sent before. */
export const SUBSCRIBER_STATUSES = ["pending", "confirmed"] as const;

/** What happened to a published item that subscribers hear about (a minor change is none of them). */
export const OUTBOX_EVENT_KINDS = ["published", "updated", "withdrawn"] as const;
export type OutboxEventKind = (typeof OUTBOX_EVENT_KINDS)[number];

/** The messages the outbox sends: the opt-in confirmation, one per event kind, and the daily digest. */
export const MAIL_KINDS = ["confirm", "alert", "update", "withdrawal", "digest"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** queued → sending (leased to a worker) → sent | failed; cancelled when the item was withdrawn before its alert went. */
export const DELIVERY_STATUSES = ["queued", "sending", "sent", "failed", "cancelled"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
