import type { ReportFrequency } from "@rebound/db";
import { describe, expect, it } from "vitest";
import {
  latestSendAt,
  MONTHLY_REPORT_DAY,
  nextSendAt,
  previousSendAt,
  REPORT_SEND_HOUR,
  WEEKLY_REPORT_WEEKDAY,
} from "./report-schedule.ts";
import { localDateTime } from "./zoned-time.ts";

interface ScheduleCase {
  frequency: ReportFrequency;
  /** When the question is asked. */
  now: string;
  latest: string;
  previous: string;
  next: string;
}

const at = (iso: string) => new Date(iso);

describe.each<{ zone: string; cases: ScheduleCase[] }>([
  {
    zone: "Asia/Kolkata",
    cases: [
      // 17:00 IST is 11:30Z all year.
      {
        frequency: "daily",
        now: "2026-06-10T11:30:00Z",
        latest: "2026-06-10T11:30:00.000Z",
        previous: "2026-06-09T11:30:00.000Z",
        next: "2026-06-11T11:30:00.000Z",
      },
      {
        frequency: "daily",
        now: "2026-06-10T11:29:59.999Z",
        latest: "2026-06-09T11:30:00.000Z",
        previous: "2026-06-08T11:30:00.000Z",
        next: "2026-06-10T11:30:00.000Z",
      },
      // 01:30 IST on New Year's Day is still 31 December in UTC.
      {
        frequency: "daily",
        now: "2025-12-31T20:00:00Z",
        latest: "2025-12-31T11:30:00.000Z",
        previous: "2025-12-30T11:30:00.000Z",
        next: "2026-01-01T11:30:00.000Z",
      },
      // Thursday 1 January 2026: the last Wednesday is 31 December 2025.
      {
        frequency: "weekly",
        now: "2026-01-01T06:00:00Z",
        latest: "2025-12-31T11:30:00.000Z",
        previous: "2025-12-24T11:30:00.000Z",
        next: "2026-01-07T11:30:00.000Z",
      },
      {
        frequency: "monthly",
        now: "2026-01-10T00:00:00Z",
        latest: "2025-12-25T11:30:00.000Z",
        previous: "2025-11-25T11:30:00.000Z",
        next: "2026-01-25T11:30:00.000Z",
      },
    ],
  },
  {
    zone: "America/New_York",
    cases: [
      // Spring forward on Sunday 8 March 2026: the daily window is 23 hours.
      {
        frequency: "daily",
        now: "2026-03-08T21:00:00Z",
        latest: "2026-03-08T21:00:00.000Z",
        previous: "2026-03-07T22:00:00.000Z",
        next: "2026-03-09T21:00:00.000Z",
      },
      // Fall back on Sunday 1 November 2026: the daily window is 25 hours.
      {
        frequency: "daily",
        now: "2026-11-01T23:00:00Z",
        latest: "2026-11-01T22:00:00.000Z",
        previous: "2026-10-31T21:00:00.000Z",
        next: "2026-11-02T22:00:00.000Z",
      },
      // Wednesday 4 November 2026 at 16:59 EST: the latest send is the week before (EDT).
      {
        frequency: "weekly",
        now: "2026-11-04T21:59:00Z",
        latest: "2026-10-28T21:00:00.000Z",
        previous: "2026-10-21T21:00:00.000Z",
        next: "2026-11-04T22:00:00.000Z",
      },
      {
        frequency: "weekly",
        now: "2026-11-04T22:00:00Z",
        latest: "2026-11-04T22:00:00.000Z",
        previous: "2026-10-28T21:00:00.000Z",
        next: "2026-11-11T22:00:00.000Z",
      },
      // 25 March is EDT, 25 February EST.
      {
        frequency: "monthly",
        now: "2026-03-25T21:00:00Z",
        latest: "2026-03-25T21:00:00.000Z",
        previous: "2026-02-25T22:00:00.000Z",
        next: "2026-04-25T21:00:00.000Z",
      },
      // Year end: 25 December → 25 January.
      {
        frequency: "monthly",
        now: "2026-01-24T12:00:00Z",
        latest: "2025-12-25T22:00:00.000Z",
        previous: "2025-11-25T22:00:00.000Z",
        next: "2026-01-25T22:00:00.000Z",
      },
    ],
  },
  {
    zone: "Europe/London",
    cases: [
      // BST starts Sunday 29 March 2026 (23-hour day).
      {
        frequency: "daily",
        now: "2026-03-29T18:00:00Z",
        latest: "2026-03-29T16:00:00.000Z",
        previous: "2026-03-28T17:00:00.000Z",
        next: "2026-03-30T16:00:00.000Z",
      },
      // BST ends Sunday 25 October 2026 (25-hour day), also the monthly send day.
      {
        frequency: "daily",
        now: "2026-10-25T17:00:00Z",
        latest: "2026-10-25T17:00:00.000Z",
        previous: "2026-10-24T16:00:00.000Z",
        next: "2026-10-26T17:00:00.000Z",
      },
      {
        frequency: "monthly",
        now: "2026-10-25T17:00:00Z",
        latest: "2026-10-25T17:00:00.000Z",
        previous: "2026-09-25T16:00:00.000Z",
        next: "2026-11-25T17:00:00.000Z",
      },
      // Month ends: 1 March is after 25 February and before 25 March.
      {
        frequency: "monthly",
        now: "2026-03-01T00:00:00Z",
        latest: "2026-02-25T17:00:00.000Z",
        previous: "2026-01-25T17:00:00.000Z",
        next: "2026-03-25T17:00:00.000Z",
      },
      {
        frequency: "weekly",
        now: "2026-12-31T12:00:00Z",
        latest: "2026-12-30T17:00:00.000Z",
        previous: "2026-12-23T17:00:00.000Z",
        next: "2027-01-06T17:00:00.000Z",
      },
    ],
  },
  {
    zone: "Australia/Lord_Howe",
    cases: [
      // Half-hour DST ends Sunday 5 April 2026: the daily window is 24.5 hours.
      {
        frequency: "daily",
        now: "2026-04-05T06:30:00Z",
        latest: "2026-04-05T06:30:00.000Z",
        previous: "2026-04-04T06:00:00.000Z",
        next: "2026-04-06T06:30:00.000Z",
      },
      // Half-hour DST starts Sunday 4 October 2026: the daily window is 23.5 hours.
      {
        frequency: "daily",
        now: "2026-10-04T07:00:00Z",
        latest: "2026-10-04T06:00:00.000Z",
        previous: "2026-10-03T06:30:00.000Z",
        next: "2026-10-05T06:00:00.000Z",
      },
      // Already Wednesday 7 January locally (07:00 +11), but 17:00 has not come yet.
      {
        frequency: "weekly",
        now: "2026-01-06T20:00:00Z",
        latest: "2025-12-31T06:00:00.000Z",
        previous: "2025-12-24T06:00:00.000Z",
        next: "2026-01-07T06:00:00.000Z",
      },
      // Local New Year's Eve evening is still morning in UTC.
      {
        frequency: "monthly",
        now: "2025-12-31T10:00:00Z",
        latest: "2025-12-25T06:00:00.000Z",
        previous: "2025-11-25T06:00:00.000Z",
        next: "2026-01-25T06:00:00.000Z",
      },
    ],
  },
])("report schedule in $zone", ({ zone, cases }) => {
  it.each(cases)("$frequency at $now: latest $latest, previous $previous, next $next", (c) => {
    expect(latestSendAt(c.frequency, at(c.now), zone).toISOString()).toBe(c.latest);
    expect(previousSendAt(c.frequency, at(c.now), zone).toISOString()).toBe(c.previous);
    expect(nextSendAt(c.frequency, at(c.now), zone).toISOString()).toBe(c.next);
  });
});

describe.each([
  "Asia/Kolkata",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "UTC",
])("report schedule invariants in %s over 2026", (zone) => {
  const HOUR_MS = 3_600_000;
  // Every 29 h 17 min across the year, so the probes drift through every hour of the day.
  const probes = Array.from(
    { length: 300 },
    (_, index) =>
      new Date(Date.parse("2026-01-01T00:00:00Z") + index * (29 * HOUR_MS + 17 * 60_000)),
  );

  it.each<ReportFrequency>(["daily", "weekly", "monthly"])(
    "%s sends are at 17:00 local on the right day, previous < latest <= now < next",
    (frequency) => {
      for (const now of probes) {
        const sends = [
          previousSendAt(frequency, now, zone),
          latestSendAt(frequency, now, zone),
          nextSendAt(frequency, now, zone),
        ];
        const [previous, latest, next] = sends.map((send) => send.getTime());
        expect(previous).toBeLessThan(latest ?? 0);
        expect(latest).toBeLessThanOrEqual(now.getTime());
        expect(next).toBeGreaterThan(now.getTime());
        for (const send of sends) {
          const local = localDateTime(send, zone);
          expect(local.hour, send.toISOString()).toBe(REPORT_SEND_HOUR);
          expect(local.minute).toBe(0);
          if (frequency === "weekly") {
            const day = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
            expect(day).toBe(WEEKLY_REPORT_WEEKDAY);
          }
          if (frequency === "monthly") expect(local.day).toBe(MONTHLY_REPORT_DAY);
        }
      }
    },
  );
});
