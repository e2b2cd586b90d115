import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { clientIp, trustedProxies } from "@/server/auth/request-ip";

/**
 * Issue 14: the sign-in throttle keyed addresses on the first X-Forwarded-For
 * entry, which the client writes, so rotating it gave a fresh address every
 * time. The address is the right-most entry not sent by a trusted proxy:
 * everything left of that was written by the client and is never believed.
 */
const xff = (value: string) => new Headers({ "x-forwarded-for": value });
const none = trustedProxies([]);

describe("clientIp", () => {
  it("ignores what the client prepends: 1,001 rotating forgeries give one address", () => {
    const seen = new Set<string | null>();
    for (let i = 0; i <= 1000; i++) seen.add(clientIp(xff(`10.${i >> 8}.${i & 255}.1, 203.0.113.7`), none));
    expect([...seen]).toEqual(["203.0.113.7"]);
  });

  it("takes the only entry when nginx sets the header itself ($remote_addr) or Next copies the socket address", () => {
    expect(clientIp(xff("203.0.113.7"), none)).toBe("203.0.113.7");
    expect(clientIp(xff("::ffff:203.0.113.7"), none)).toBe("203.0.113.7");
  });

  it("skips configured proxies, by address or CIDR, IPv4 and IPv6, walking from the right", () => {
    const trusted = trustedProxies(["127.0.0.1", "10.0.0.0/8", "2001:db8::/32"]);
    expect(clientIp(xff("198.51.100.9, 203.0.113.7, 10.1.2.3, 127.0.0.1"), trusted)).toBe("203.0.113.7");
    expect(clientIp(xff("198.51.100.9, 2001:db8::1"), trusted)).toBe("198.51.100.9");
    // Only proxies in the chain: the farthest one is all that is known.
    expect(clientIp(xff("10.9.9.9, 127.0.0.1"), trusted)).toBe("10.9.9.9");
  });

  it("does not believe X-Real-IP, which a client can send as easily", () => {
    expect(clientIp(new Headers({ "x-real-ip": "192.0.2.1" }), none)).toBeNull();
  });

  it("puts every unparseable value in one bucket, so junk cannot rotate addresses", () => {
    expect(clientIp(xff("not-an-ip"), none)).toBe("invalid");
    expect(clientIp(xff("1.2.3.4, <script>"), none)).toBe("invalid");
    expect(clientIp(xff("[2001:db8::5]:443"), none)).toBe("2001:db8::5");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("defaults to none and takes comma-separated addresses and CIDRs", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: " 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8" }).TRUSTED_PROXIES).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
      "fd00::/8",
    ]);
  });

  it("refuses anything else at start-up", () => {
    expect(() => parseEnv({ TRUSTED_PROXIES: "localhost" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("deploy/nginx.conf", () => {
  it("sets X-Forwarded-For itself instead of appending to what the client sent", () => {
    const conf = readFileSync("deploy/nginx.conf", "utf8");
    expect(conf).toMatch(/^\s*proxy_set_header X-Forwarded-For \$remote_addr;/m);
    expect(conf).not.toMatch(/\$proxy_add_x_forwarded_for/);
  });
});
