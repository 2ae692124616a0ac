import type { IpAddress, Ipv4Address } from "./ip-address.ts";
import { formatIpAddress, parseIpAddress } from "./ip-address.ts";

/** A network: the address with host bits cleared, and how many leading bits are fixed. */
export type Cidr = { readonly address: IpAddress; readonly prefixLength: number };

export type ParseCidrResult = { ok: true; cidr: Cidr } | { ok: false; error: string };

const PREFIX_LENGTH = /^[0-9]{1,3}$/;

/** Copies `bytes` with every bit after the first `prefixLength` bits cleared. */
function maskBytes(bytes: Uint8Array, prefixLength: number): Uint8Array {
  return bytes.map((byte, index) => {
    const keep = Math.min(Math.max(prefixLength - index * 8, 0), 8);
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
}

/** True when the first `prefixLength` bits of `a` and `b` are equal. */
export function prefixMatches(a: Uint8Array, b: Uint8Array, prefixLength: number): boolean {
  const maskedA = maskBytes(a, prefixLength);
  const maskedB = maskBytes(b, prefixLength);
  return maskedA.every((byte, index) => byte === maskedB[index]);
}

/**
 * Parses one `address/prefix` or a single address (a /32 or /128). Host bits are allowed and
 * cleared, so `10.1.2.3/8` is `10.0.0.0/8`.
 */
export function parseCidr(text: string): ParseCidrResult {
  const slashAt = text.lastIndexOf("/");
  const addressText = slashAt === -1 ? text : text.slice(0, slashAt);
  const address = parseIpAddress(addressText);
  if (address === null) {
    return { ok: false, error: `invalid CIDR "${text}": "${addressText}" is not an IP address` };
  }
  const maxLength = address.family === 4 ? 32 : 128;
  const prefixText = slashAt === -1 ? String(maxLength) : text.slice(slashAt + 1);
  const prefixLength = Number(prefixText);
  if (!PREFIX_LENGTH.test(prefixText) || prefixLength > maxLength) {
    return {
      ok: false,
      error: `invalid CIDR "${text}": prefix length must be 0-${maxLength} for IPv${address.family}`,
    };
  }
  const bytes = maskBytes(address.bytes, prefixLength);
  return { ok: true, cidr: { address: { family: address.family, bytes }, prefixLength } };
}

/** `address/prefix` text of a CIDR, with the address in canonical form. */
export function formatCidr(cidr: Cidr): string {
  return `${formatIpAddress(cidr.address)}/${cidr.prefixLength}`;
}

const MAPPED_PREFIX = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0);

/** The IPv4 address inside `::ffff:a.b.c.d`, or null when `address` is not IPv4-mapped. */
export function unmapIpv4(address: IpAddress): Ipv4Address | null {
  if (address.family === 4) return address;
  if (!prefixMatches(address.bytes, MAPPED_PREFIX, 96)) return null;
  return { family: 4, bytes: address.bytes.slice(12) };
}

/** Views an IPv6 CIDR inside `::ffff:0:0/96` as the IPv4 CIDR it covers. */
function unmapCidr(cidr: Cidr): Cidr {
  const ipv4 = cidr.prefixLength >= 96 ? unmapIpv4(cidr.address) : null;
  return ipv4 === null ? cidr : { address: ipv4, prefixLength: cidr.prefixLength - 96 };
}

/**
 * True when `cidr` contains `address`. IPv4-mapped IPv6 addresses (and CIDRs) count as the IPv4
 * they carry, because a socket connecting to `::ffff:127.0.0.1` reaches 127.0.0.1.
 *
 * @example
 * cidrContains(cidr("127.0.0.0/8"), parseIpAddress("::ffff:127.0.0.1")!) // true
 */
export function cidrContains(cidr: Cidr, address: IpAddress): boolean {
  const network = unmapCidr(cidr);
  const candidate = network.address.family === 4 ? unmapIpv4(address) : address;
  if (candidate === null || candidate.family !== network.address.family) return false;
  return prefixMatches(candidate.bytes, network.address.bytes, network.prefixLength);
}
