import { REPORT_FREQUENCIES, type ReportFrequency } from "@rebound/db";
import { latestSendAt, previousSendAt } from "./report-schedule.ts";

/** The time a report covers: `start` inclusive, `end` exclusive (`end` is the send instant). */
export interface ReportWindow {
  start: Date;
  end: Date;
}

/**
 * The window of the most recent send of `frequency` at or before `now`: from the previous
 * scheduled send to that send. A daily window is 23 or 25 hours long on DST change days.
 *
 * @example
 * reportWindow("monthly", new Date("2026-03-01T00:00:00Z"), "Europe/London");
 * // { start: 2026-01-25T17:00:00Z, end: 2026-02-25T17:00:00Z }
 */
export function reportWindow(
  frequency: ReportFrequency,
  now: Date,
  timeZone: string,
): ReportWindow {
  return {
    start: previousSendAt(frequency, now, timeZone),
    end: latestSendAt(frequency, now, timeZone),
  };
}

export interface DueReportsInput {
  now: Date;
  /** The account's IANA time zone. */
  timeZone: string;
  /** The account's report settings. */
  enabled: boolean;
  frequencies: readonly ReportFrequency[];
  /** Per frequency, the latest `window_end` already in `report_runs` (any status). */
  lastWindowEnds: Partial<Record<ReportFrequency, Date>>;
  /** Sends scheduled before this instant are never due, e.g. when reports were switched on. */
  notBefore?: Date;
}

export interface DueReport {
  frequency: ReportFrequency;
  window: ReportWindow;
}

/**
 * The reports an account should send now: for each enabled frequency, the window of its most
 * recent send, unless `report_runs` already has a run ending there (or later).
 *
 * - Downtime: however many sends were missed, only the most recent window is due, once. Older
 *   missed windows are not sent late; a burst of stale reports after an outage says less than
 *   one report of the latest period, and the next windows follow on schedule.
 * - The window never reaches back before the last recorded `window_end`, so a change of time
 *   zone cannot count a delivery in two reports of the same frequency.
 * - Frequencies come out in the order daily, weekly, monthly, each at most once.
 */
export function dueReports(input: DueReportsInput): DueReport[] {
  if (!input.enabled) return [];
  const due: DueReport[] = [];
  for (const frequency of REPORT_FREQUENCIES) {
    if (!input.frequencies.includes(frequency)) continue;
    const window = reportWindow(frequency, input.now, input.timeZone);
    if (input.notBefore && window.end.getTime() < input.notBefore.getTime()) continue;
    const lastEnd = input.lastWindowEnds[frequency];
    if (lastEnd && lastEnd.getTime() >= window.end.getTime()) continue;
    const start =
      lastEnd && lastEnd.getTime() > window.start.getTime() ? new Date(lastEnd) : window.start;
    due.push({ frequency, window: { start, end: window.end } });
  }
  return due;
}
