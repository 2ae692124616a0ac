/** Longest accepted time zone name (the longest IANA name has 32 characters). */
export const MAX_TIME_ZONE_LENGTH = 64;

// IANA names start with a letter (`UTC`, `Asia/Kolkata`, `Etc/GMT+5`). Newer engines also accept
// UTC offsets such as `+05:30`, which are not zones (no DST rules), so they are refused here.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/**
 * The stored spelling of an IANA time zone name the runtime knows, or null. Names are matched in
 * any case and returned with the runtime's spelling (`asia/tokyo` → `Asia/Tokyo`). A link such
 * as `Asia/Kolkata` or `US/Eastern` is kept as given, not replaced by its target: engines
 * disagree on link targets (Node 20 turns `Asia/Kolkata` into `Asia/Calcutta`), while every
 * engine accepts the name the user chose.
 *
 * @example
 * canonicalTimeZone("utc") // "UTC"
 * canonicalTimeZone("Mars/Olympus") // null
 * canonicalTimeZone("+05:30") // null: an offset, not a zone
 */
export function canonicalTimeZone(name: string): string | null {
  if (name.length > MAX_TIME_ZONE_LENGTH || !IANA_NAME.test(name)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}
