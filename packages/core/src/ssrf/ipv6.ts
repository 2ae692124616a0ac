const GROUP = /^[0-9a-fA-F]{1,4}$/;
const OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
/** The IPv4 tail of an IPv6 address is strict dotted-quad decimal (RFC 4291, WHATWG). */
const DOTTED_QUAD = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** Parses colon-separated groups into 16-bit words; the last group may be a dotted IPv4 tail. */
function parseGroups(section: string, allowIpv4Tail: boolean): number[] | null {
  if (section === "") return [];
  const groups = section.split(":");
  const words: number[] = [];
  for (const [index, group] of groups.entries()) {
    if (allowIpv4Tail && index === groups.length - 1 && DOTTED_QUAD.test(group)) {
      const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
      words.push((a << 8) | b, (c << 8) | d);
    } else if (GROUP.test(group)) {
      words.push(Number.parseInt(group, 16));
    } else {
      return null;
    }
  }
  return words;
}

/**
 * Parses IPv6 text without brackets or zone id: full form, one `::`, and a dotted IPv4 tail.
 *
 * @returns the 16 address bytes, or null when the text is not IPv6.
 */
export function parseIpv6Bytes(text: string): Uint8Array | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const compressed = halves.length === 2;
  const head = parseGroups(halves[0] ?? "", !compressed);
  const tail = compressed ? parseGroups(halves[1] ?? "", true) : [];
  if (head === null || tail === null) return null;
  const length = head.length + tail.length;
  // "::" stands for at least one zero group.
  if (compressed ? length > 7 : length !== 8) return null;
  const words = [...head, ...new Array<number>(8 - length).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  words.forEach((word, index) => {
    bytes[index * 2] = word >> 8;
    bytes[index * 2 + 1] = word & 0xff;
  });
  return bytes;
}

/** Finds the first longest run of two or more zero words, as RFC 5952 section 4.2 asks. */
function longestZeroRun(words: readonly number[]): { start: number; length: number } {
  let best = { start: -1, length: 0 };
  let start = -1;
  words.forEach((word, index) => {
    if (word !== 0) {
      start = -1;
      return;
    }
    if (start === -1) start = index;
    const length = index - start + 1;
    if (length > best.length) best = { start, length };
  });
  return best.length >= 2 ? best : { start: -1, length: 0 };
}

/** RFC 5952 text: lower-case hex, no leading zeros, longest zero run compressed to `::`. */
export function formatIpv6Bytes(bytes: Uint8Array): string {
  const words: number[] = [];
  for (let index = 0; index < 16; index += 2) {
    words.push(((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0));
  }
  const hex = words.map((word) => word.toString(16));
  const run = longestZeroRun(words);
  if (run.start === -1) return hex.join(":");
  const before = hex.slice(0, run.start).join(":");
  const after = hex.slice(run.start + run.length).join(":");
  return `${before}::${after}`;
}
