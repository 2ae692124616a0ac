import type { Cidr } from "./cidr.ts";
import { parseCidr } from "./cidr.ts";

/** What an address is for; anything but "public" is refused as a callback target by default. */
export type AddressKind =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "cgnat"
  | "metadata"
  | "multicast"
  | "broadcast"
  | "documentation"
  | "benchmarking"
  | "reserved";

/** How an IPv6 address carries an IPv4 address that a packet to it may end up reaching. */
export type Ipv4Embedding = "ipv4-mapped" | "ipv4-compatible" | "nat64" | "6to4" | "teredo";

export type AddressRange =
  | { readonly cidr: Cidr; readonly kind: AddressKind }
  | { readonly cidr: Cidr; readonly embedding: Ipv4Embedding };

function cidr(text: string): Cidr {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(result.error);
  return result.cidr;
}

/** Sorted longest prefix first, so the first matching range is the most specific one. */
function byPrefix(ranges: AddressRange[]): readonly AddressRange[] {
  return ranges.sort((a, b) => b.cidr.prefixLength - a.cidr.prefixLength);
}

/** Cloud instance-metadata endpoints: AWS/GCP, AWS ECS, Alibaba, Azure wireserver, Oracle. */
const IPV4_METADATA = [
  "169.254.169.254",
  "169.254.170.2",
  "100.100.100.200",
  "168.63.129.16",
  "192.0.0.192",
];

/** IANA IPv4 special-purpose registry, plus cloud metadata addresses. */
export const IPV4_RANGES = byPrefix([
  ...IPV4_METADATA.map((text) => ({ cidr: cidr(text), kind: "metadata" as const })),
  { cidr: cidr("0.0.0.0/8"), kind: "unspecified" },
  { cidr: cidr("10.0.0.0/8"), kind: "private" },
  { cidr: cidr("100.64.0.0/10"), kind: "cgnat" },
  { cidr: cidr("127.0.0.0/8"), kind: "loopback" },
  { cidr: cidr("169.254.0.0/16"), kind: "link-local" },
  { cidr: cidr("172.16.0.0/12"), kind: "private" },
  { cidr: cidr("192.0.0.0/24"), kind: "reserved" },
  { cidr: cidr("192.0.2.0/24"), kind: "documentation" },
  { cidr: cidr("198.51.100.0/24"), kind: "documentation" },
  { cidr: cidr("203.0.113.0/24"), kind: "documentation" },
  { cidr: cidr("192.88.99.0/24"), kind: "reserved" },
  { cidr: cidr("192.168.0.0/16"), kind: "private" },
  { cidr: cidr("198.18.0.0/15"), kind: "benchmarking" },
  { cidr: cidr("224.0.0.0/4"), kind: "multicast" },
  { cidr: cidr("255.255.255.255/32"), kind: "broadcast" },
  { cidr: cidr("240.0.0.0/4"), kind: "reserved" },
]);

/** IANA IPv6 special-purpose registry, ranges embedding IPv4, plus the AWS IPv6 IMDS. */
export const IPV6_RANGES = byPrefix([
  { cidr: cidr("::/128"), kind: "unspecified" },
  { cidr: cidr("::1/128"), kind: "loopback" },
  { cidr: cidr("::ffff:0:0/96"), embedding: "ipv4-mapped" },
  { cidr: cidr("::/96"), embedding: "ipv4-compatible" },
  { cidr: cidr("64:ff9b::/96"), embedding: "nat64" },
  { cidr: cidr("64:ff9b:1::/48"), kind: "private" },
  { cidr: cidr("2002::/16"), embedding: "6to4" },
  { cidr: cidr("2001::/32"), embedding: "teredo" },
  { cidr: cidr("100::/64"), kind: "reserved" },
  { cidr: cidr("2001:db8::/32"), kind: "documentation" },
  { cidr: cidr("3fff::/20"), kind: "documentation" },
  { cidr: cidr("2001::/23"), kind: "reserved" },
  { cidr: cidr("fc00::/7"), kind: "private" },
  { cidr: cidr("fd00:ec2::254/128"), kind: "metadata" },
  { cidr: cidr("fe80::/10"), kind: "link-local" },
  { cidr: cidr("fec0::/10"), kind: "private" },
  { cidr: cidr("ff00::/8"), kind: "multicast" },
]);

/** Global unicast; IPv6 outside it and not listed above is reserved. */
export const IPV6_GLOBAL_UNICAST = cidr("2000::/3");
