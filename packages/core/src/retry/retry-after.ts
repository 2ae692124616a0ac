import { parseHttpDate } from "./http-date.ts";

const DELTA_SECONDS = /^\d+$/;
// Header values may carry optional whitespace (spaces and tabs) around them.
const OWS = /^[ \t]+|[ \t]+$/g;

/**
 * Parses a `Retry-After` header value to a wait in ms (>= 0), or null when absent or invalid.
 * Accepts delta-seconds and HTTP-dates (relative to `nowMs`; a past date gives 0). Huge
 * delta-seconds saturate at Number.MAX_SAFE_INTEGER; callers clamp to their own range.
 *
 * @example
 * parseRetryAfter("120", nowMs); // 120000
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("2015-10-21T07:27:00Z")); // 60000
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.replace(OWS, "");
  if (DELTA_SECONDS.test(trimmed)) {
    return Math.min(Number(trimmed) * 1000, Number.MAX_SAFE_INTEGER);
  }
  const dateMs = parseHttpDate(trimmed, nowMs);
  return dateMs === null ? null : Math.max(0, dateMs - nowMs);
}
