import { NotFoundContent } from "@/components/site/not-found-content";

/** For notFound() inside the public pages, which already sit in the site layout. */
export default function SiteNotFound() {
  return <NotFoundContent />;
}
