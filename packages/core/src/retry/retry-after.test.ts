import { describe, expect, it } from "vitest";
import { parseHttpDate } from "./http-date.ts";
import { parseRetryAfter } from "./retry-after.ts";

const NOW_MS = Date.UTC(2024, 5, 1, 12, 0, 0); // 2024-06-01T12:00:00Z

describe("parseHttpDate", () => {
  it.each([
    ["IMF-fixdate", "Sun, 06 Nov 1994 08:49:37 GMT", Date.UTC(1994, 10, 6, 8, 49, 37)],
    ["rfc850-date", "Sunday, 06-Nov-94 08:49:37 GMT", Date.UTC(1994, 10, 6, 8, 49, 37)],
    ["asctime-date, one-digit day", "Sun Nov  6 08:49:37 1994", Date.UTC(1994, 10, 6, 8, 49, 37)],
    ["asctime-date, two-digit day", "Wed Nov 16 08:49:37 1994", Date.UTC(1994, 10, 16, 8, 49, 37)],
    ["leap day", "Thu, 29 Feb 2024 23:59:59 GMT", Date.UTC(2024, 1, 29, 23, 59, 59)],
    ["end of year", "Tue, 31 Dec 2024 00:00:00 GMT", Date.UTC(2024, 11, 31, 0, 0, 0)],
  ])("parses %s", (_name, value, expectedMs) => {
    expect(parseHttpDate(value, NOW_MS)).toBe(expectedMs);
  });

  it.each([
    ["24 (this century)", "Saturday, 01-Jun-24 12:00:00 GMT", Date.UTC(2024, 5, 1, 12, 0, 0)],
    ["74 (exactly 50 years ahead)", "Friday, 01-Jun-74 00:00:00 GMT", Date.UTC(2074, 5, 1)],
    ["75 (more than 50 years ahead)", "Saturday, 01-Jun-75 00:00:00 GMT", Date.UTC(1975, 5, 1)],
  ])("reads rfc850 two-digit year %s relative to now", (_name, value, expectedMs) => {
    expect(parseHttpDate(value, NOW_MS)).toBe(expectedMs);
  });

  it.each([
    ["empty", ""],
    ["ISO 8601", "2024-06-01T12:00:00Z"],
    ["non-GMT zone", "Sun, 06 Nov 1994 08:49:37 UTC"],
    ["numeric offset", "Sun, 06 Nov 1994 08:49:37 +0000"],
    ["one-digit day in IMF-fixdate", "Sun, 6 Nov 1994 08:49:37 GMT"],
    ["lowercase month", "Sun, 06 nov 1994 08:49:37 GMT"],
    ["unknown day name", "Sux, 06 Nov 1994 08:49:37 GMT"],
    ["Feb 30", "Fri, 30 Feb 2024 00:00:00 GMT"],
    ["Feb 29 in a common year", "Wed, 29 Feb 2023 00:00:00 GMT"],
    ["day 00", "Sun, 00 Nov 1994 08:49:37 GMT"],
    ["hour 24", "Sun, 06 Nov 1994 24:00:00 GMT"],
    ["minute 60", "Sun, 06 Nov 1994 08:60:00 GMT"],
    ["second 61", "Sun, 06 Nov 1994 08:49:61 GMT"],
    ["trailing text", "Sun, 06 Nov 1994 08:49:37 GMT garbage"],
  ])("rejects %s", (_name, value) => {
    expect(parseHttpDate(value, NOW_MS)).toBeNull();
  });
});

describe("parseRetryAfter", () => {
  it.each([
    ["0", 0],
    ["1", 1_000],
    ["120", 120_000],
    [" 120 ", 120_000],
    ["\t5", 5_000],
    ["007", 7_000],
  ])("reads delta-seconds %j", (value, expectedMs) => {
    expect(parseRetryAfter(value, NOW_MS)).toBe(expectedMs);
  });

  it("saturates absurdly large delta-seconds at MAX_SAFE_INTEGER", () => {
    expect(parseRetryAfter("9".repeat(30), NOW_MS)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([
    ["90 s ahead", "Sat, 01 Jun 2024 12:01:30 GMT", 90_000],
    ["exactly now", "Sat, 01 Jun 2024 12:00:00 GMT", 0],
    ["in the past", "Sat, 01 Jun 2024 11:00:00 GMT", 0],
    ["asctime, 1 h ahead", "Sat Jun  1 13:00:00 2024", 3_600_000],
  ])("reads an HTTP-date %s relative to nowMs", (_name, value, expectedMs) => {
    expect(parseRetryAfter(value, NOW_MS)).toBe(expectedMs);
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["empty", ""],
    ["blank", "   "],
    ["negative", "-5"],
    ["explicit plus", "+5"],
    ["fraction", "1.5"],
    ["exponent", "1e3"],
    ["with unit", "5s"],
    ["words", "tomorrow"],
    ["non-ASCII digits", "١٢٠"],
  ])("returns null for %s", (_name, value) => {
    expect(parseRetryAfter(value, NOW_MS)).toBeNull();
  });
});
