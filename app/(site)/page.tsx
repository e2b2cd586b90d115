import { connection } from "next/server";
import { LatestNews } from "./_components/latest-news";

/** Rendered per request from cached reads, never at build: see README "Caching". */
export const instant = false;

export default async function HomePage() {
  await connection();
  return <LatestNews page={1} />;
}
