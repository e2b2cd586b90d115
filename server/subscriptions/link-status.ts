import "server-only";
import { confirmLinkState, isLiveManageLink } from "./preferences";

/**
 * The HTTP status of a subscriber link's page, for proxy.ts to set before the page renders (as it
 * does for preview links): 404 for a link that names no address (unsubscribed, forged), 410 for
 * a confirmation link past its expiry. The page itself says why and what to do.
 */
export async function subscriberLinkStatus(path: string): Promise<{ status: number } | undefined> {
  const m = /^\/email\/(confirm|manage|unsubscribe)\/([^/]+)$/.exec(path);
  if (!m) return undefined;
  const token = decodeURIComponent(m[2]!); // malformed escapes were refused by proxy.ts with 400
  if (m[1] === "confirm") {
    const link = await confirmLinkState(token);
    return link.state === "invalid" ? { status: 404 } : link.state === "expired" ? { status: 410 } : undefined;
  }
  return (await isLiveManageLink(token)) ? undefined : { status: 404 };
}
