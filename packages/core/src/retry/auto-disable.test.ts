import { describe, expect, it } from "vitest";
import { shouldAutoDisable } from "./auto-disable.ts";

const NOW_MS = Date.UTC(2024, 5, 1);
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

describe("shouldAutoDisable with the default thresholds (20 failures, 24 h)", () => {
  it.each([
    ["20 failures over exactly 24 h", 20, NOW_MS - DAY_MS, true],
    ["500 failures over a week", 500, NOW_MS - 7 * DAY_MS, true],
    ["19 failures over 24 h", 19, NOW_MS - DAY_MS, false],
    ["20 failures over 24 h minus 1 ms", 20, NOW_MS - DAY_MS + 1, false],
    ["100 failures within an hour", 100, NOW_MS - HOUR_MS, false],
    ["1 failure a week ago", 1, NOW_MS - 7 * DAY_MS, false],
    ["no failure start recorded", 100, null, false],
    ["no failures at all", 0, null, false],
    ["first failure in the future (clock skew)", 20, NOW_MS + DAY_MS, false],
  ])("%s → %s", (_name, consecutiveFinalFailures, firstFinalFailureAtMs, expected) => {
    expect(
      shouldAutoDisable({ consecutiveFinalFailures, firstFinalFailureAtMs, nowMs: NOW_MS }),
    ).toBe(expected);
  });
});

describe("shouldAutoDisable with custom thresholds (3 failures, 1 h)", () => {
  it.each([
    [3, NOW_MS - HOUR_MS, true],
    [2, NOW_MS - HOUR_MS, false],
    [3, NOW_MS - HOUR_MS + 1, false],
    [20, NOW_MS - 30 * 60 * 1000, false],
  ])("%i failures since %i → %s", (consecutiveFinalFailures, firstFinalFailureAtMs, expected) => {
    expect(
      shouldAutoDisable({
        consecutiveFinalFailures,
        firstFinalFailureAtMs,
        nowMs: NOW_MS,
        minFailures: 3,
        minDurationMs: HOUR_MS,
      }),
    ).toBe(expected);
  });
});
