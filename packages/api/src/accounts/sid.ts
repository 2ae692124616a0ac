import { randomInt } from "node:crypto";
import { canonicalTimeZone } from "@rebound/core";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A new account SID like the seed's `HXXXXXXX071IN`: `RB` and 11 unambiguous characters. */
export function generateSid(): string {
  let sid = "RB";
  for (let i = 0; i < 11; i += 1) sid += ALPHABET[randomInt(ALPHABET.length)];
  return sid;
}

/** True for IANA names the runtime knows (and `UTC`), in any case; offsets are not zones. */
export function isValidTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== null;
}
