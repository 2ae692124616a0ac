import { describe, expect, it } from "vitest";
import { dueReports, reportWindow } from "./report-window.ts";

const HOUR_MS = 3_600_000;
const at = (iso: string) => new Date(iso);
const hoursOf = (window: { start: Date; end: Date }) =>
  (window.end.getTime() - window.start.getTime()) / HOUR_MS;

describe("reportWindow", () => {
  it.each([
    ["Asia/Kolkata", "2026-03-08T12:00:00Z", 24],
    ["America/New_York", "2026-03-08T21:00:00Z", 23],
    ["America/New_York", "2026-11-01T22:00:00Z", 25],
    ["Europe/London", "2026-03-29T16:00:00Z", 23],
    ["Europe/London", "2026-10-25T17:00:00Z", 25],
    ["Australia/Lord_Howe", "2026-04-05T06:30:00Z", 24.5],
    ["Australia/Lord_Howe", "2026-10-04T06:00:00Z", 23.5],
  ])("a daily window in %s ending by %s is %d hours long", (zone, now, hours) => {
    expect(hoursOf(reportWindow("daily", at(now), zone))).toBe(hours);
  });

  it("runs from the previous send to the latest one", () => {
    expect(reportWindow("monthly", at("2026-03-01T00:00:00Z"), "Europe/London")).toEqual({
      start: at("2026-01-25T17:00:00Z"),
      end: at("2026-02-25T17:00:00Z"),
    });
    // Weekly across New York's fall back: 7 days and 1 hour.
    const weekly = reportWindow("weekly", at("2026-11-05T00:00:00Z"), "America/New_York");
    expect(weekly).toEqual({ start: at("2026-10-28T21:00:00Z"), end: at("2026-11-04T22:00:00Z") });
    expect(hoursOf(weekly)).toBe(7 * 24 + 1);
  });

  it("covers February as 25 January to 25 February (31 days) and March as 28 days", () => {
    const february = reportWindow("monthly", at("2026-02-25T11:30:00Z"), "Asia/Kolkata");
    expect(hoursOf(february)).toBe(31 * 24);
    const march = reportWindow("monthly", at("2026-03-25T11:30:00Z"), "Asia/Kolkata");
    expect(hoursOf(march)).toBe(28 * 24);
  });
});

describe("dueReports", () => {
  const base = {
    now: at("2026-03-25T18:00:00Z"),
    timeZone: "Europe/London",
    enabled: true,
    lastWindowEnds: {},
  };

  it("is empty when reports are disabled", () => {
    expect(dueReports({ ...base, enabled: false, frequencies: ["daily"] })).toEqual([]);
  });

  it("lists each selected frequency once, daily → weekly → monthly, with its latest window", () => {
    // Wednesday 25 March 2026, 18:00 GMT: all three were sent at 17:00 today.
    const due = dueReports({ ...base, frequencies: ["monthly", "daily", "weekly", "daily"] });
    expect(due).toEqual([
      {
        frequency: "daily",
        window: { start: at("2026-03-24T17:00Z"), end: at("2026-03-25T17:00Z") },
      },
      {
        frequency: "weekly",
        window: { start: at("2026-03-18T17:00Z"), end: at("2026-03-25T17:00Z") },
      },
      {
        frequency: "monthly",
        window: { start: at("2026-02-25T17:00Z"), end: at("2026-03-25T17:00Z") },
      },
    ]);
  });

  it("skips a frequency whose latest window is already in report_runs", () => {
    const due = dueReports({
      ...base,
      frequencies: ["daily", "weekly"],
      lastWindowEnds: { daily: at("2026-03-25T17:00Z"), weekly: at("2026-03-18T17:00Z") },
    });
    expect(due.map((report) => report.frequency)).toEqual(["weekly"]);
  });

  it("sends only the most recent of several windows missed during downtime", () => {
    // Down since the 20 March report; by 25 March 18:00 five daily sends were missed.
    const due = dueReports({
      ...base,
      frequencies: ["daily"],
      lastWindowEnds: { daily: at("2026-03-20T17:00Z") },
    });
    expect(due).toEqual([
      {
        frequency: "daily",
        window: { start: at("2026-03-24T17:00Z"), end: at("2026-03-25T17:00Z") },
      },
    ]);
    // Once that run is recorded nothing more is due until the next send.
    const after = dueReports({
      ...base,
      now: at("2026-03-26T16:59:59Z"),
      frequencies: ["daily"],
      lastWindowEnds: { daily: at("2026-03-25T17:00Z") },
    });
    expect(after).toEqual([]);
  });

  it("starts a window at the last recorded end when that is later (time zone changed)", () => {
    // The account moved from Kolkata (17:00 = 11:30Z) to London after the 24 March report.
    const due = dueReports({
      ...base,
      frequencies: ["daily"],
      lastWindowEnds: { daily: at("2026-03-24T11:30Z") },
    });
    expect(due[0]?.window).toEqual({
      start: at("2026-03-24T17:00Z"),
      end: at("2026-03-25T17:00Z"),
    });
    const moved = dueReports({
      ...base,
      timeZone: "America/New_York",
      now: at("2026-03-26T00:00:00Z"),
      frequencies: ["daily"],
      lastWindowEnds: { daily: at("2026-03-25T17:00Z") },
    });
    expect(moved[0]?.window).toEqual({
      start: at("2026-03-25T17:00Z"),
      end: at("2026-03-25T21:00Z"),
    });
  });

  it("sends nothing for windows that ended before notBefore (reports just switched on)", () => {
    const input = { ...base, frequencies: ["daily", "monthly"] as const };
    expect(dueReports({ ...input, notBefore: at("2026-03-25T17:30:00Z") })).toEqual([]);
    const due = dueReports({ ...input, notBefore: at("2026-03-25T16:00:00Z") });
    expect(due.map((report) => report.frequency)).toEqual(["daily", "monthly"]);
  });
});
