import { serveFeed } from "@/server/public/feed-responses";

/** A category's feed (atom) in the default language; unknown categories answer 404. */
export async function GET(request: Request, { params }: RouteContext<"/category/[slug]/atom.xml">) {
  const { slug } = await params;
  return serveFeed(request, { format: "atom", slug });
}
