import type { AddressKind, AddressRange, Ipv4Embedding } from "./address-ranges.ts";
import { IPV4_RANGES, IPV6_GLOBAL_UNICAST, IPV6_RANGES } from "./address-ranges.ts";
import type { Cidr } from "./cidr.ts";
import { prefixMatches } from "./cidr.ts";
import type { IpAddress, Ipv4Address, Ipv6Address } from "./ip-address.ts";
import { formatIpAddress, toIpAddress } from "./ip-address.ts";

export type AddressClassification = {
  /** Canonical text of the classified address. */
  address: string;
  family: 4 | 6;
  kind: AddressKind;
  /** Set when an IPv6 address carries an IPv4 address. */
  via?: Ipv4Embedding;
  embeddedIpv4?: string;
};

/** Plain prefix match: unlike `cidrContains`, a mapped address is not its IPv4 here. */
function inRange(cidr: Cidr, address: IpAddress): boolean {
  return (
    cidr.address.family === address.family &&
    prefixMatches(address.bytes, cidr.address.bytes, cidr.prefixLength)
  );
}

function findRange(ranges: readonly AddressRange[], address: IpAddress): AddressRange | undefined {
  return ranges.find((range) => inRange(range.cidr, address));
}

function classifyIpv4(address: Ipv4Address): AddressKind {
  const range = findRange(IPV4_RANGES, address);
  return range !== undefined && "kind" in range ? range.kind : "public";
}

/** The IPv4 address carried by `address` under `embedding`. */
function extractIpv4(address: Ipv6Address, embedding: Ipv4Embedding): Ipv4Address {
  switch (embedding) {
    case "6to4":
      return { family: 4, bytes: address.bytes.slice(2, 6) };
    case "teredo":
      // Teredo stores the client's public address with every bit inverted (RFC 4380).
      return { family: 4, bytes: address.bytes.slice(12).map((byte) => byte ^ 0xff) };
    default:
      return { family: 4, bytes: address.bytes.slice(12) };
  }
}

function classifyEmbedded(
  address: Ipv6Address,
  embedding: Ipv4Embedding,
): Omit<AddressClassification, "address" | "family"> {
  const ipv4 = extractIpv4(address, embedding);
  const ipv4Kind = classifyIpv4(ipv4);
  // IPv4-compatible addresses are deprecated (RFC 4291) and not routable, so never "public".
  const publicKind = embedding === "ipv4-compatible" ? "reserved" : "public";
  return {
    kind: ipv4Kind === "public" ? publicKind : ipv4Kind,
    via: embedding,
    embeddedIpv4: formatIpAddress(ipv4),
  };
}

function classifyIpv6(address: Ipv6Address): Omit<AddressClassification, "address" | "family"> {
  const range = findRange(IPV6_RANGES, address);
  if (range !== undefined) {
    return "kind" in range ? { kind: range.kind } : classifyEmbedded(address, range.embedding);
  }
  return { kind: inRange(IPV6_GLOBAL_UNICAST, address) ? "public" : "reserved" };
}

/**
 * Says what an address is for (loopback, private, cloud metadata, ...) following the IANA
 * special-purpose registries. IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4, Teredo)
 * take the kind of that IPv4 address when it is not public, so `64:ff9b::a9fe:a9fe` is metadata.
 *
 * @throws InvalidIpAddressError when given text that is not an IP address.
 * @example
 * classifyAddress("::ffff:127.0.0.1")
 * // { address: "::ffff:7f00:1", family: 6, kind: "loopback", via: "ipv4-mapped", embeddedIpv4: "127.0.0.1" }
 */
export function classifyAddress(address: IpAddress | string): AddressClassification {
  const parsed = toIpAddress(address);
  const text = formatIpAddress(parsed);
  if (parsed.family === 4) return { address: text, family: 4, kind: classifyIpv4(parsed) };
  return { address: text, family: 6, ...classifyIpv6(parsed) };
}
