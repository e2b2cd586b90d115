import { Fragment, type ReactNode } from "react";
import { templateParts } from "@/lib/i18n";

/**
 * A message with slots ("Updated {date}: {note}") filled with elements, in the order the
 * language puts them ("{date}更新：{note}"). Text stays React text: nothing becomes HTML.
 */
export function MessageText({ template, slots }: { template: string; slots: Record<string, ReactNode> }) {
  return (
    <>
      {templateParts(template).map((part, i) => (
        <Fragment key={i}>{"slot" in part ? (slots[part.slot] ?? `{${part.slot}}`) : part.text}</Fragment>
      ))}
    </>
  );
}
