export type TemplatePart = { text: string } | { slot: string };

/**
 * "Updated {date}: {note}" -> text and named slots, so a message can place a date or a link
 * where its language wants it ("{date}更新：{note}"). Unknown braces stay text.
 */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  const slot = /\{([a-zA-Z]+)\}/g;
  let at = 0;
  for (const m of template.matchAll(slot)) {
    if (m.index > at) parts.push({ text: template.slice(at, m.index) });
    parts.push({ slot: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push({ text: template.slice(at) });
  return parts;
}
