import "server-only";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

/**
 * The client's address, for the sign-in throttle and the audit log.
 *
 * Next 16 gives route handlers, server actions and proxy.ts no socket address:
 * `next start` copies the peer's address into X-Forwarded-For only when the
 * request arrived without one. So the header is read from the right, the end
 * nearest this server: entries added by a proxy in TRUSTED_PROXIES are
 * skipped, and the first other entry is the client. Whatever the client wrote
 * itself sits further left and is never reached, however often it rotates.
 * (This holds while the app is reachable only through its proxy; see README.)
 */

/** Stands for any value that is not an IP address, so junk cannot mint new addresses. */
export const UNPARSEABLE_ADDRESS = "invalid";

export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** "203.0.113.7", "203.0.113.7:5000", "[2001:db8::5]:443", "::ffff:203.0.113.7" -> the bare address, or null. */
function normalize(entry: string): string | null {
  let address = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) ? address.toLowerCase() : null;
}

let configured: BlockList | undefined;

export function clientIp(headers: Headers, trusted: BlockList = (configured ??= trustedProxies(env().TRUSTED_PROXIES))): string | null {
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").filter((e) => e.trim());
  if (chain.length === 0) return null;
  const addresses = chain.map(normalize);
  for (let i = addresses.length - 1; i >= 0; i--) {
    const address = addresses[i];
    if (!address) return UNPARSEABLE_ADDRESS;
    if (!trusted.check(address, isIP(address) === 6 ? "ipv6" : "ipv4")) return address;
  }
  // Nothing but trusted proxies: the farthest of them is all that is known.
  return addresses[0]!;
}
