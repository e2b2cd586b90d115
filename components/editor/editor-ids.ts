/**
 * Element ids of one item's editor page, shared by the page and its client components. A plain
 * module (not "use client"), so the server page reads the strings themselves rather than client
 * references.
 *
 * With cacheComponents, Next keeps pages visited earlier in the document, hidden by React's
 * <Activity>: two items' editors can be in the document at once. So every id carries the item's
 * number, and a label or aria-describedby always names the field of the editor on screen.
 */
export function editorId(articleId: number, name: string): string {
  return `item-${articleId}-${name}`;
}

/** The reason the locked fields name in aria-describedby, so it is read with each of them. */
export const editLockReasonId = (articleId: number) => editorId(articleId, "edit-lock-reason");
/** The editor page's workflow column, where the button of the step that unlocks the words lives. */
export const workflowColumnId = (articleId: number) => editorId(articleId, "workflow");
