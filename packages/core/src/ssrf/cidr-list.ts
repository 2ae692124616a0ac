import type { Cidr } from "./cidr.ts";
import { parseCidr } from "./cidr.ts";

export type ParseCidrListResult = { ok: true; cidrs: Cidr[] } | { ok: false; error: string };

/**
 * Parses an operator allow-list such as `REBOUND_ALLOW_PRIVATE_TARGETS`: CIDRs or single addresses
 * separated by commas and/or whitespace. The first bad entry fails the whole list, so a typo never
 * silently narrows or widens what is allowed.
 *
 * @example
 * parseCidrList("127.0.0.0/8, ::1 10.1.2.3") // { ok: true, cidrs: [3 entries] }
 */
export function parseCidrList(text: string): ParseCidrListResult {
  const entries = text.split(/[\s,]+/).filter((entry) => entry !== "");
  const cidrs: Cidr[] = [];
  for (const entry of entries) {
    const result = parseCidr(entry);
    if (!result.ok) return { ok: false, error: result.error };
    cidrs.push(result.cidr);
  }
  return { ok: true, cidrs };
}
