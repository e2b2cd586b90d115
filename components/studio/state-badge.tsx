import type { EditionState } from "@/lib/vocabulary";
import { STATE_LABELS } from "@/lib/workflow";

/**
 * An edition's state as a small label. `live` makes it a polite status region, for the one
 * badge that names the state of the page itself: a workflow step or a save that starts a new
 * edition re-renders it in place, and a screen reader hears the new state.
 */
export function StateBadge({ state, live = false }: { state: EditionState; live?: boolean }) {
  return (
    <span className={`state state-${state}`} role={live ? "status" : undefined}>
      {STATE_LABELS[state]}
    </span>
  );
}
