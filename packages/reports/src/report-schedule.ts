import type { ReportFrequency } from "@rebound/db";
import { localDateTime, zonedInstant } from "./zoned-time.ts";

/** Reports go out at 17:00 on the company's wall clock (UI seed: "every day at 5:00 PM"). */
export const REPORT_SEND_HOUR = 17;
/** Weekly reports go out on Wednesdays (`Date#getUTCDay` numbering, Sunday = 0). */
export const WEEKLY_REPORT_WEEKDAY = 3;
/** Monthly reports go out on the 25th, a day every month has. */
export const MONTHLY_REPORT_DAY = 25;

/** A calendar date; `month` is 1–12. Arithmetic normalises overflow (Jan 32 → Feb 1). */
interface LocalDate {
  year: number;
  month: number;
  day: number;
}

function normalise(year: number, month: number, day: number): LocalDate {
  const date = new Date(Date.UTC(year, month - 1, day));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The scheduled date of `frequency` on or before `date`. */
function scheduledDateOnOrBefore(frequency: ReportFrequency, date: LocalDate): LocalDate {
  switch (frequency) {
    case "daily":
      return date;
    case "weekly": {
      const back = (weekday(date) - WEEKLY_REPORT_WEEKDAY + 7) % 7;
      return normalise(date.year, date.month, date.day - back);
    }
    case "monthly":
      return date.day >= MONTHLY_REPORT_DAY
        ? normalise(date.year, date.month, MONTHLY_REPORT_DAY)
        : normalise(date.year, date.month - 1, MONTHLY_REPORT_DAY);
    default: {
      const unexpected: never = frequency;
      throw new TypeError(`unknown report frequency ${JSON.stringify(unexpected)}`);
    }
  }
}

/** The scheduled date `steps` periods of `frequency` away from a scheduled date. */
function stepScheduledDate(frequency: ReportFrequency, date: LocalDate, steps: number): LocalDate {
  switch (frequency) {
    case "daily":
      return normalise(date.year, date.month, date.day + steps);
    case "weekly":
      return normalise(date.year, date.month, date.day + 7 * steps);
    case "monthly":
      return normalise(date.year, date.month + steps, MONTHLY_REPORT_DAY);
    default: {
      const unexpected: never = frequency;
      throw new TypeError(`unknown report frequency ${JSON.stringify(unexpected)}`);
    }
  }
}

function sendInstant(date: LocalDate, timeZone: string): Date {
  return zonedInstant({ ...date, hour: REPORT_SEND_HOUR, minute: 0 }, timeZone);
}

/** The most recent scheduled date whose send instant is at or before `now`. */
function latestScheduledDate(frequency: ReportFrequency, now: Date, timeZone: string): LocalDate {
  const candidate = scheduledDateOnOrBefore(frequency, localDateTime(now, timeZone));
  // Compared as instants, so the rule holds even if 17:00 were moved by a transition.
  return sendInstant(candidate, timeZone).getTime() <= now.getTime()
    ? candidate
    : stepScheduledDate(frequency, candidate, -1);
}

/**
 * The most recent send of `frequency` at or before `now`, in `timeZone` (IANA).
 *
 * @example
 * latestSendAt("weekly", new Date("2026-03-12T09:00:00Z"), "Asia/Kolkata");
 * // 2026-03-11T11:30:00Z (Wednesday 17:00 IST)
 */
export function latestSendAt(frequency: ReportFrequency, now: Date, timeZone: string): Date {
  return sendInstant(latestScheduledDate(frequency, now, timeZone), timeZone);
}

/** The send of `frequency` before the most recent one at or before `now`. */
export function previousSendAt(frequency: ReportFrequency, now: Date, timeZone: string): Date {
  const latest = latestScheduledDate(frequency, now, timeZone);
  return sendInstant(stepScheduledDate(frequency, latest, -1), timeZone);
}

/** The first send of `frequency` strictly after `now`. */
export function nextSendAt(frequency: ReportFrequency, now: Date, timeZone: string): Date {
  const latest = latestScheduledDate(frequency, now, timeZone);
  return sendInstant(stepScheduledDate(frequency, latest, 1), timeZone);
}
