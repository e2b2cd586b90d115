import { readFileSync, writeFileSync } from "node:fs";

/**
 * `next build` adds "<distDir>/types/**\/*.ts" to tsconfig.json's include when they are
 * missing. The bench must not leave a change in a file it does not own, so after the build
 * it puts back the original text, but only if Next's additions are the ONLY difference
 * (someone else editing tsconfig.json meanwhile is never overwritten).
 */
export function guardTsconfig(path: string, distDir: string) {
  let before: string | null = null;
  try {
    before = readFileSync(path, "utf8");
  } catch {
    return () => "absent";
  }
  return function restore(): "unchanged" | "restored" | "left" | "absent" {
    const after = readFileSync(path, "utf8");
    if (after === before) return "unchanged";
    return withoutDistDirIncludes(after, distDir) === normalise(before!) ? (writeFileSync(path, before!), "restored") : "left";
  };
}

function normalise(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return null;
  }
}

/** The parsed config with the distDir's type includes removed, as canonical JSON. */
export function withoutDistDirIncludes(text: string, distDir: string): string | null {
  try {
    const config = JSON.parse(text) as { include?: string[] };
    const added = new Set([`${distDir}/types/**/*.ts`, `${distDir}/dev/types/**/*.ts`]);
    if (Array.isArray(config.include)) config.include = config.include.filter((p) => !added.has(p));
    return JSON.stringify(config);
  } catch {
    return null;
  }
}
