import { BlockList, isIP } from "node:net";
import { lookup as dnsLookup } from "node:dns/promises";

/** Resolves a host name to every address it has (the DNS edge; tests may pass their own). */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** The system resolver (getaddrinfo, so /etc/hosts counts), all addresses. */
export const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

// Addresses that are not globally reachable (IANA special-purpose registries): a webhook must never reach the
// server's own network, its cloud metadata service, or anything behind the firewall.
const BLOCKED_V4: [string, number][] = [
  ["0.0.0.0", 8], // "this" network, unspecified
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata at 169.254.169.254)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];
// IPv6 is allowed only inside global unicast 2000::/3 (so ::, ::1, ::ffff:0:0/96 IPv4-mapped, 64:ff9b::/96 NAT64,
// fc00::/7 ULA, fe80::/10 link-local and ff00::/8 multicast are all outside), minus these.
const BLOCKED_V6_IN_GLOBAL: [string, number][] = [
  ["2001::", 23], // IETF protocol assignments, Teredo (can tunnel to any IPv4)
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4 (embeds an IPv4 address)
  ["3fff::", 20], // documentation
];

const blockedV4 = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blockedV4.addSubnet(net, prefix, "ipv4");
const globalV6 = new BlockList();
globalV6.addSubnet("2000::", 3, "ipv6");
const blockedV6 = new BlockList();
for (const [net, prefix] of BLOCKED_V6_IN_GLOBAL) blockedV6.addSubnet(net, prefix, "ipv6");

/** Whether an IP address is globally reachable (public), i.e. a safe webhook target. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !blockedV4.check(address, "ipv4");
  if (family === 6) return globalV6.check(address, "ipv6") && !blockedV6.check(address, "ipv6");
  return false;
}

/** A target that passed the checks: connect to `address` (never re-resolve `url`'s host). */
export type CheckedTarget = { url: URL; address: string; family: 4 | 6 };

/** Why a URL may not be a webhook target; the message completes "url: …". */
export class UnsafeTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsafeTargetError";
  }
}

export type TargetPolicy = { allowPrivate: boolean; resolve: ResolveHost };

/** Checks a URL's scheme and resolves its host, refusing it unless every address is public (or the allowance is on). */
export async function checkTarget(raw: string, policy: TargetPolicy): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeTargetError("is not a valid URL");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && policy.allowPrivate)) throw new UnsafeTargetError("must use https");
  if (url.username || url.password) throw new UnsafeTargetError("must not contain credentials");
  // URL has already normalised numeric forms (http://2130706433/, http://0x7f.1/) to dotted IPv4.
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await policy.resolve(host);
    } catch {
      throw new UnsafeTargetError(`host ${host} could not be resolved`);
    }
    if (addresses.length === 0) throw new UnsafeTargetError(`host ${host} could not be resolved`);
  }
  // Every address must be public: a resolver may hand out any of them, and a mixed answer is a rebinding attempt.
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  if (bad && !policy.allowPrivate) throw new UnsafeTargetError(`resolves to a private or reserved address (${bad.address}); webhooks go to public addresses only`);
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
