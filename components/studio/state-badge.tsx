import type { EditionState } from "@/db/schema";
import { STATE_LABELS } from "@/lib/workflow";

export function StateBadge({ state }: { state: EditionState }) {
  return <span className={`state state-${state}`}>{STATE_LABELS[state]}</span>;
}
