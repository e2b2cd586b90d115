/**
 * Element ids the editor page and its client components share. A plain module (not "use client"),
 * so the server page reads the strings themselves rather than client references.
 */

/** The reason the locked fields name in aria-describedby, so it is read with each of them. */
export const EDIT_LOCK_REASON_ID = "edit-lock-reason";
/** The editor page's workflow column, where the button of the step that unlocks the words lives. */
export const WORKFLOW_COLUMN_ID = "item-workflow";
