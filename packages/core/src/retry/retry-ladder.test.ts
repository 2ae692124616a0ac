import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_LADDER_MS, isValidRetryLadder, jitterDelayMs } from "./retry-ladder.ts";

const JUST_BELOW_ONE = 1 - 2 ** -53;

describe("DEFAULT_RETRY_LADDER_MS", () => {
  it("is 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h", () => {
    expect(DEFAULT_RETRY_LADDER_MS).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(DEFAULT_RETRY_LADDER_MS)).toBe(true);
  });
});

describe("isValidRetryLadder", () => {
  it.each([
    ["empty (no retries)", []],
    ["one step", [1_000]],
    ["zero wait", [0]],
    ["20 steps", Array.from({ length: 20 }, () => 60_000)],
  ])("accepts %s", (_name, ladder) => {
    expect(isValidRetryLadder(ladder)).toBe(true);
  });

  it.each([
    ["21 steps", Array.from({ length: 21 }, () => 60_000)],
    ["a negative step", [1_000, -1]],
    ["a fractional step", [1.5]],
    ["NaN", [Number.NaN]],
    ["Infinity", [Number.POSITIVE_INFINITY]],
  ])("rejects %s", (_name, ladder) => {
    expect(isValidRetryLadder(ladder)).toBe(false);
  });
});

describe("jitterDelayMs", () => {
  it.each([
    [0, 4_000],
    [0.25, 4_500],
    [0.5, 5_000],
    [0.75, 5_500],
    [JUST_BELOW_ONE, 6_000],
  ])("maps random() = %d on a 5 s step to %i ms", (sample, expectedMs) => {
    expect(jitterDelayMs(5_000, () => sample)).toBe(expectedMs);
  });

  it.each([1, -0.01, 1.5, Number.NaN])("throws RangeError when random() returns %d", (sample) => {
    expect(() => jitterDelayMs(5_000, () => sample)).toThrow(RangeError);
  });
});
