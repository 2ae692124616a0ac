import { formatIpv4Bytes, parseIpv4Bytes } from "./ipv4.ts";
import { formatIpv6Bytes, parseIpv6Bytes } from "./ipv6.ts";

/** An IPv4 address as its 4 network-order bytes. */
export type Ipv4Address = { readonly family: 4; readonly bytes: Uint8Array };
/** An IPv6 address as its 16 network-order bytes (zone id dropped). */
export type Ipv6Address = { readonly family: 6; readonly bytes: Uint8Array };
export type IpAddress = Ipv4Address | Ipv6Address;

/** Thrown when text that the caller promised is an IP address does not parse as one. */
export class InvalidIpAddressError extends Error {
  override readonly name = "InvalidIpAddressError";
  constructor(
    readonly text: string,
    options?: ErrorOptions,
  ) {
    super(`not an IP address: ${JSON.stringify(text)}`, options);
  }
}

/** Zone ids are RFC 6874 unreserved characters (`eth0`, `en0`, `3`). */
const ZONE_ID = /^[0-9A-Za-z._~-]+$/;

function parseIpv6WithZone(text: string): Ipv6Address | null {
  const zoneAt = text.indexOf("%");
  if (zoneAt !== -1 && !ZONE_ID.test(text.slice(zoneAt + 1))) return null;
  const bytes = parseIpv6Bytes(zoneAt === -1 ? text : text.slice(0, zoneAt));
  return bytes === null ? null : { family: 6, bytes };
}

/**
 * Parses IPv4 or IPv6 text into bytes so every spelling of one address compares equal. IPv4 accepts
 * the legacy inet_aton forms a resolver would accept (`0x7f.1`, `0177.0.0.1`, `2130706433`); IPv6
 * accepts `::`, a dotted IPv4 tail, `[brackets]` and a `%zone` (dropped).
 *
 * @returns the address, or null when the text is neither IPv4 nor IPv6.
 * @example
 * formatIpAddress(parseIpAddress("0x7f.1")!) // "127.0.0.1"
 */
export function parseIpAddress(text: string): IpAddress | null {
  if (text.startsWith("[")) {
    return text.endsWith("]") ? parseIpv6WithZone(text.slice(1, -1)) : null;
  }
  if (text.includes(":")) return parseIpv6WithZone(text);
  const bytes = parseIpv4Bytes(text);
  return bytes === null ? null : { family: 4, bytes };
}

/**
 * Canonical text of an address: dotted-quad for IPv4, RFC 5952 for IPv6. IPv4-mapped addresses
 * are written in hex (`::ffff:7f00:1`), matching what WHATWG `URL` produces.
 */
export function formatIpAddress(address: IpAddress): string {
  return address.family === 4 ? formatIpv4Bytes(address.bytes) : formatIpv6Bytes(address.bytes);
}

/** Parses `address` if it is text; throws {@link InvalidIpAddressError} when it does not parse. */
export function toIpAddress(address: IpAddress | string): IpAddress {
  if (typeof address !== "string") return address;
  const parsed = parseIpAddress(address);
  if (parsed === null) throw new InvalidIpAddressError(address);
  return parsed;
}
