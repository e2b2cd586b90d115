import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-e2e*/**", ".next-bench/**", "node_modules/**", "data/**", "db/migrations/**", "next-env.d.ts"] },
];

export default config;
