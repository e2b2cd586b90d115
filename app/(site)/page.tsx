import { LatestNews } from "./_components/latest-news";

export default function HomePage() {
  return <LatestNews page={1} />;
}
