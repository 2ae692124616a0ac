/** Wall-clock fields in some time zone; `month` is 1–12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for names that are not IANA zones, before anything is scheduled.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall-clock date and time of `instant` in `timeZone` (seconds are dropped).
 *
 * @example localDateTime(new Date("2026-01-01T00:00:00Z"), "Asia/Kolkata") // 2026-01-01 05:30
 */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? Number.NaN,
    month: fields.month ?? Number.NaN,
    day: fields.day ?? Number.NaN,
    hour: fields.hour ?? Number.NaN,
    minute: fields.minute ?? Number.NaN,
  };
}

/** `local` read as if it were UTC, in epoch milliseconds. */
function wallClockMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instantMs` (minute precision). */
export function utcOffsetMs(instantMs: number, timeZone: string): number {
  const floored = Math.floor(instantMs / 60_000) * 60_000;
  return wallClockMs(localDateTime(new Date(floored), timeZone)) - floored;
}

const DAY_MS = 86_400_000;

/**
 * The instant at which `timeZone`'s wall clock shows `local`.
 *
 * Deterministic at transitions, like Temporal's `disambiguation: "compatible"`:
 * - a time that occurs twice (clocks set back) resolves to the earlier instant;
 * - a time that never occurs (clocks set forward) is moved forward by the length of the gap,
 *   e.g. 02:30 on New York's spring-forward day is 03:30 EDT.
 * Real zones change their offset at most once within any two days, so the offsets one day either
 * side are the only candidates.
 */
export function zonedInstant(local: LocalDateTime, timeZone: string): Date {
  const wall = wallClockMs(local);
  const before = utcOffsetMs(wall - DAY_MS, timeZone);
  const after = utcOffsetMs(wall + DAY_MS, timeZone);
  const matches = [wall - before, wall - after].filter(
    (ms) => ms + utcOffsetMs(ms, timeZone) === wall,
  );
  if (matches.length > 0) return new Date(Math.min(...matches));
  // In a gap: the pre-transition offset lands as far past the transition as the time is into the gap.
  return new Date(wall - before);
}
