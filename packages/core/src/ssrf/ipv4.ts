/** One dotted part in any inet_aton / WHATWG radix: `0x`-prefixed hex, `0`-prefixed octal, decimal. */
const IPV4_PART = /^(?:0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$/;

function parsePart(part: string): number | null {
  if (!IPV4_PART.test(part)) return null;
  if (part.startsWith("0x") || part.startsWith("0X")) {
    const hex = part.slice(2);
    // WHATWG reads a bare "0x" as zero.
    return hex === "" ? 0 : Number.parseInt(hex, 16);
  }
  if (part.length > 1 && part.startsWith("0")) return Number.parseInt(part.slice(1), 8);
  return Number.parseInt(part, 10);
}

/**
 * Parses IPv4 text the way the WHATWG URL host parser and `inet_aton` do, so that every spelling a
 * resolver or URL library would turn into an address is recognised here too: 1 to 4 parts, each in
 * hex, octal or decimal; the last part fills all remaining bytes (`127.1`, `2130706433`).
 *
 * @returns the 4 address bytes, or null when the text is not IPv4.
 */
export function parseIpv4Bytes(text: string): Uint8Array | null {
  const parts = text.split(".");
  // A single trailing dot is allowed by WHATWG ("127.0.0.1." is 127.0.0.1).
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  if (parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    const value = parsePart(part);
    if (value === null) return null;
    numbers.push(value);
  }
  const last = numbers.pop();
  if (last === undefined || numbers.some((value) => value > 255)) return null;
  if (last >= 256 ** (4 - numbers.length)) return null;
  let value = last;
  numbers.forEach((part, index) => {
    value += part * 256 ** (3 - index);
  });
  return Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

/** Dotted-quad decimal text of 4 address bytes. */
export function formatIpv4Bytes(bytes: Uint8Array): string {
  return Array.from(bytes).join(".");
}
