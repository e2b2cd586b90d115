import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layers, checked rather than hoped for (README "Architecture"):
 *   app/, components/  never import db/       (they go through server/)
 *   components/        never import app/      (pages pass actions in as props)
 *   lib/               never imports db/, server/ or Next (pure domain code)
 *   db/                never imports server/  (SQL-only helpers live in db/)
 * import/no-restricted-paths resolves each import to a file (through the tsconfig
 * "@/…" alias or a relative path), so `@/db/schema` and `../../db/schema` are both
 * caught. tests/, scripts/ and bench/ are not in any zone: they wire layers together.
 * tests/unit/lint-layers.test.ts proves every zone fires.
 */
const LAYER_ZONES = [
  { target: "./app", from: "./db", message: "app/ reaches the database through server/, never db/ directly." },
  { target: "./components", from: "./db", message: "components/ reach the database through server/, never db/ directly." },
  { target: "./components", from: "./app", message: "components/ never import app/: take the action as a prop, the types from lib/." },
  { target: "./lib", from: ["./db", "./server"], message: "lib/ is pure domain code: no db/, no server/." },
  { target: "./db", from: "./server", message: "db/ never imports server/: move the SQL-only helper into db/." },
];

const layers = {
  name: "koho/layers",
  files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
  rules: {
    "import/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: LAYER_ZONES }],
  },
};

const libIsNotNext = {
  name: "koho/lib-is-not-next",
  files: ["lib/**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["next", "next/*", "next-auth", "next-auth/*"],
            message: "lib/ is pure domain code: no Next imports (put it in server/ or app/).",
          },
        ],
      },
    ],
  },
};

/**
 * The public site links with plain <a>: its pages are whole documents served from the page cache,
 * and each next/link is a client component to hydrate (and to watch for prefetching), which is
 * what Lighthouse's total blocking time measured on home and category pages with their dozens
 * of links. The studio keeps next/link.
 */
const publicSitePlainLinks = {
  name: "koho/public-site-plain-links",
  files: ["components/site/**", "app/(site)/**"],
  rules: {
    "@next/next/no-html-link-for-pages": "off",
    "no-restricted-imports": [
      "error",
      { paths: [{ name: "next/link", message: "The public site links with plain <a> (eslint.config.mjs says why)." }] },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  layers,
  libIsNotNext,
  publicSitePlainLinks,
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "data/**", "db/migrations/**", "next-env.d.ts"] },
];

export default config;
