/**
 * Marks an export of the reader side as needing no session, with the reason, so "which
 * exports skip authentication" is answered by `grep -rn publicRead server/`. Used by the reader
 * side (server/public/), token-checked reads (preview links, media variants) and the scheduler's
 * status. Its own file, importing nothing, because server/command.ts imports the auth stack
 * and the reader side must not: proxy.ts, feeds and public pages run without it.
 */
export function publicRead<Read extends (...args: never[]) => unknown>(why: string, read: Read): Read & { publicBecause: string } {
  return Object.assign(read, { publicBecause: why });
}
