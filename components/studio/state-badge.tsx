import type { EditionState } from "@/lib/vocabulary";
import { STATE_LABELS } from "@/lib/workflow";

export function StateBadge({ state }: { state: EditionState }) {
  return <span className={`state state-${state}`}>{STATE_LABELS[state]}</span>;
}
