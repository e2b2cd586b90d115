import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Proves the layer zones of eslint.config.mjs fire: each fixture in tests/fixtures/lint/
 * is linted with the project's own config as if it were a file inside a layer, and a
 * layer-crossing import must come back as an error while an allowed import passes.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const LAYER_RULES = new Set(["import/no-restricted-paths", "no-restricted-imports"]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer errors ESLint reports for `fixture` placed at `asPath` (relative to the repository). */
async function layerErrors(fixture: string, asPath: string): Promise<Linter.LintMessage[]> {
  const code = readFileSync(join(root, "tests/fixtures/lint", fixture), "utf8");
  const [result] = await eslint.lintText(code, { filePath: join(root, asPath) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal).toEqual([]);
  return result!.messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId) && m.severity === 2);
}

const refused: { zone: string; fixture: string; asPath: string; rule: string; says: RegExp }[] = [
  {
    zone: "app ✗ db",
    fixture: "imports-db.ts",
    asPath: "app/(site)/layer-check.ts",
    rule: "import/no-restricted-paths",
    says: /app\/ reaches the database through server\//,
  },
  {
    zone: "components ✗ db",
    fixture: "imports-db.ts",
    asPath: "components/site/layer-check.tsx",
    rule: "import/no-restricted-paths",
    says: /components\/ reach the database/,
  },
  {
    zone: "components ✗ db (relative path)",
    fixture: "imports-db-relative.ts",
    asPath: "components/site/layer-check/fixture.tsx",
    rule: "import/no-restricted-paths",
    says: /components\/ reach the database/,
  },
  {
    zone: "components ✗ app",
    fixture: "imports-app.ts",
    asPath: "components/studio/layer-check.tsx",
    rule: "import/no-restricted-paths",
    says: /components\/ never import app\//,
  },
  {
    zone: "lib ✗ db",
    fixture: "imports-db.ts",
    asPath: "lib/layer-check.ts",
    rule: "import/no-restricted-paths",
    says: /lib\/ is pure domain code: no db\//,
  },
  {
    zone: "lib ✗ server",
    fixture: "imports-server.ts",
    asPath: "lib/feeds/layer-check.ts",
    rule: "import/no-restricted-paths",
    says: /lib\/ is pure domain code: no db\/, no server\//,
  },
  { zone: "lib ✗ next", fixture: "imports-next.ts", asPath: "lib/layer-check.ts", rule: "no-restricted-imports", says: /no Next imports/ },
  {
    zone: "db ✗ server",
    fixture: "imports-server.ts",
    asPath: "db/layer-check.ts",
    rule: "import/no-restricted-paths",
    says: /db\/ never imports server\//,
  },
];

describe("layer zones in eslint.config.mjs", () => {
  for (const c of refused) {
    it(`refuses ${c.zone}`, async () => {
      const errors = await layerErrors(c.fixture, c.asPath);
      expect(errors.map((e) => e.ruleId)).toEqual([c.rule]);
      expect(errors[0]!.message).toMatch(c.says);
    }, 60_000);
  }

  const allowed: { what: string; fixture: string; asPath: string }[] = [
    { what: "lib/ vocabulary from components/", fixture: "imports-vocabulary.ts", asPath: "components/studio/layer-check.tsx" },
    { what: "lib/ vocabulary from lib/", fixture: "imports-vocabulary.ts", asPath: "lib/layer-check.ts" },
    { what: "lib/ vocabulary from db/", fixture: "imports-vocabulary.ts", asPath: "db/layer-check.ts" },
    { what: "db/ from server/", fixture: "imports-db.ts", asPath: "server/layer-check.ts" },
    { what: "server/ from app/", fixture: "imports-server.ts", asPath: "app/(site)/layer-check.ts" },
    { what: "Next from components/", fixture: "imports-next.ts", asPath: "components/site/layer-check.tsx" },
    { what: "db/ from tests/ (not a layer)", fixture: "imports-db.ts", asPath: "tests/integration/layer-check.ts" },
  ];
  for (const c of allowed) {
    it(`allows ${c.what}`, async () => {
      expect(await layerErrors(c.fixture, c.asPath)).toEqual([]);
    }, 60_000);
  }
});
