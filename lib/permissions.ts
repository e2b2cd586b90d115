import type { Role } from "./vocabulary";

/** Everything a staff member may be allowed to do, by name. */
export const CAPABILITIES = [
  "studio:use",
  "article:create",
  "article:edit-own",
  "article:edit-any",
  "article:submit",
  "article:review",
  "article:approve",
  "article:publish",
  "article:schedule",
  "article:withdraw",
  "article:force-publish",
  "article:preview-link",
  "list:edit",
  "list:publish",
  "media:upload",
  "users:manage",
  "audit:view",
  "subscribers:view",
  "subscribers:manage",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const WRITER: Capability[] = ["studio:use", "article:create", "article:edit-own", "article:submit", "list:edit", "media:upload"];
const EDITOR: Capability[] = [...WRITER, "article:edit-any", "article:review"];
const PUBLISHER: Capability[] = [
  ...EDITOR,
  "article:approve",
  "article:publish",
  "article:schedule",
  "article:withdraw",
  "article:preview-link",
  "list:publish",
  "subscribers:view",
];

/** Roles -> capabilities, as data: the one table every check reads. */
export const ROLE_CAPABILITIES: Record<Role, ReadonlySet<Capability>> = {
  writer: new Set(WRITER),
  editor: new Set(EDITOR),
  publisher: new Set(PUBLISHER),
  admin: new Set(CAPABILITIES),
};

export type Actor = { id: number; role: Role };

export function can(user: Actor | null | undefined, capability: Capability): boolean {
  return !!user && ROLE_CAPABILITIES[user.role].has(capability);
}

/** Writers edit their own items; editors and above edit anyone's. */
export function canEditArticle(user: Actor | null | undefined, article: { authorId: number | null }): boolean {
  if (can(user, "article:edit-any")) return true;
  return can(user, "article:edit-own") && article.authorId === user!.id;
}

export const ROLE_LABELS: Record<Role, string> = {
  writer: "Writer",
  editor: "Editor",
  publisher: "Publisher",
  admin: "Administrator",
};
