import { describe, expect, it } from "vitest";
import { localDateTime, utcOffsetMs, zonedInstant } from "./zoned-time.ts";

const HOUR_MS = 3_600_000;

describe("localDateTime", () => {
  it("reads the wall clock of an instant in a half-hour zone", () => {
    expect(localDateTime(new Date("2026-01-01T00:00:00Z"), "Asia/Kolkata")).toEqual({
      year: 2026,
      month: 1,
      day: 1,
      hour: 5,
      minute: 30,
    });
  });

  it("shows midnight as hour 0, not 24", () => {
    expect(localDateTime(new Date("2026-03-04T05:00:00Z"), "America/New_York").hour).toBe(0);
  });

  it("rejects a name that is not an IANA zone", () => {
    expect(() => localDateTime(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("utcOffsetMs", () => {
  it.each([
    ["Asia/Kolkata", "2026-07-01T00:00:00Z", 5.5 * HOUR_MS],
    ["America/New_York", "2026-01-15T12:00:00Z", -5 * HOUR_MS],
    ["America/New_York", "2026-07-15T12:00:00Z", -4 * HOUR_MS],
    ["Australia/Lord_Howe", "2026-01-15T12:00:00Z", 11 * HOUR_MS],
    ["Australia/Lord_Howe", "2026-07-15T12:00:00Z", 10.5 * HOUR_MS],
  ])("%s at %s is %d ms ahead of UTC", (zone, iso, expected) => {
    expect(utcOffsetMs(Date.parse(iso), zone)).toBe(expected);
  });
});

describe("zonedInstant", () => {
  const at = (year: number, month: number, day: number, hour: number, minute = 0) => ({
    year,
    month,
    day,
    hour,
    minute,
  });

  it.each([
    ["Asia/Kolkata", at(2026, 3, 25, 17), "2026-03-25T11:30:00.000Z"],
    ["America/New_York", at(2026, 3, 8, 17), "2026-03-08T21:00:00.000Z"],
    ["Europe/London", at(2026, 10, 25, 17), "2026-10-25T17:00:00.000Z"],
    ["Australia/Lord_Howe", at(2026, 4, 5, 17), "2026-04-05T06:30:00.000Z"],
  ])("%s %o is %s", (zone, local, iso) => {
    expect(zonedInstant(local, zone).toISOString()).toBe(iso);
  });

  it("resolves a repeated time (clocks set back) to the earlier instant", () => {
    // New York, 2026-11-01: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(zonedInstant(at(2026, 11, 1, 1, 30), "America/New_York").toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });

  it("moves a skipped time (clocks set forward) forward by the gap", () => {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist.
    expect(zonedInstant(at(2026, 3, 8, 2, 30), "America/New_York").toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    // Lord Howe's gap is 30 minutes: 02:00 +10:30 jumps to 02:30 +11 on 2026-10-04.
    expect(zonedInstant(at(2026, 10, 4, 2, 15), "Australia/Lord_Howe").toISOString()).toBe(
      "2026-10-03T15:45:00.000Z",
    );
  });
});
