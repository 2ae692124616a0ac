import { describe, expect, it } from "vitest";
import type { AttemptErrorClass, AttemptResult } from "./attempt-result.ts";
import type { RetryInput } from "./retry-decision.ts";
import { decideRetry } from "./retry-decision.ts";

const NOW_MS = Date.UTC(2024, 5, 1, 12, 0, 0); // Sat, 01 Jun 2024 12:00:00 GMT
const NO_JITTER = () => 0.5;
const LOWEST = () => 0;
const HIGHEST = () => 1 - 2 ** -53;

function decide(
  result: AttemptResult,
  overrides: Partial<Omit<RetryInput, "result">> = {},
): ReturnType<typeof decideRetry> {
  return decideRetry({ attemptNumber: 1, result, random: NO_JITTER, nowMs: NOW_MS, ...overrides });
}

const response = (statusCode: number, retryAfter?: string | null): AttemptResult => ({
  kind: "response",
  statusCode,
  retryAfter,
});

describe("decideRetry by status code", () => {
  it.each([200, 201, 204, 299])("HTTP %i is delivered", (statusCode) => {
    expect(decide(response(statusCode))).toEqual({ outcome: "delivered" });
  });

  it.each([
    199, 300, 301, 302, 304, 307, 308, 400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504,
  ])("HTTP %i is retried after the first step (5 s)", (statusCode) => {
    expect(decide(response(statusCode))).toEqual({
      outcome: "retry",
      afterMs: 5_000,
      reason: `HTTP ${statusCode}`,
    });
  });

  it("HTTP 410 fails at once and disables the profile", () => {
    const decision = decide(response(410));
    expect(decision).toMatchObject({ outcome: "failed", disableProfile: true });
    expect(decision).toHaveProperty("reason", expect.stringContaining("HTTP 410"));
  });

  it("HTTP 410 disables the profile even with retries left and a Retry-After", () => {
    expect(decide(response(410, "10"), { attemptNumber: 2 })).toMatchObject({
      outcome: "failed",
      disableProfile: true,
    });
  });

  it("a 2xx after the ladder is exhausted is still delivered", () => {
    expect(decide(response(200), { attemptNumber: 50, ladderMs: [] })).toEqual({
      outcome: "delivered",
    });
  });
});

describe("decideRetry with Retry-After on 429 and 503", () => {
  // Attempt 2 of the default ladder: step 5 min, so honoured waits lie in [5 min, 10 min].
  describe.each([429, 503])("HTTP %i", (statusCode) => {
    it.each([
      ["delta-seconds inside the range", "450", 450_000],
      ["delta-seconds at the lower bound", "300", 300_000],
      ["delta-seconds at the upper bound", "600", 600_000],
      ["too small → step", "1", 300_000],
      ["zero → step", "0", 300_000],
      ["too large → 2 × step", "3600", 600_000],
      ["HTTP-date 7 min ahead", "Sat, 01 Jun 2024 12:07:00 GMT", 420_000],
      ["HTTP-date in the past → step", "Sat, 01 Jun 2024 11:00:00 GMT", 300_000],
      ["HTTP-date a day ahead → 2 × step", "Sun, 02 Jun 2024 12:00:00 GMT", 600_000],
    ])("honours %s without jitter", (_name, retryAfter, expectedMs) => {
      const decision = decide(response(statusCode, retryAfter), {
        attemptNumber: 2,
        random: LOWEST,
      });
      expect(decision).toMatchObject({ outcome: "retry", afterMs: expectedMs });
    });

    it.each([
      ["garbage", "soon"],
      ["empty", ""],
      ["null", null],
      ["absent", undefined],
      ["negative", "-30"],
    ])("ignores %s Retry-After and applies jitter", (_name, retryAfter) => {
      const decision = decide(response(statusCode, retryAfter), {
        attemptNumber: 2,
        random: LOWEST,
      });
      expect(decision).toEqual({
        outcome: "retry",
        afterMs: 240_000,
        reason: `HTTP ${statusCode}`,
      });
    });
  });

  it.each([500, 502, 504, 301])("ignores Retry-After on HTTP %i", (statusCode) => {
    expect(decide(response(statusCode, "450"), { attemptNumber: 2, random: LOWEST })).toEqual({
      outcome: "retry",
      afterMs: 240_000,
      reason: `HTTP ${statusCode}`,
    });
  });

  it("clamps to [5 s, 10 s] on the first step", () => {
    const waits = ["2", "5", "8", "10", "11"].map((retryAfter) => {
      const decision = decide(response(429, retryAfter));
      return decision.outcome === "retry" ? decision.afterMs : null;
    });
    expect(waits).toEqual([5_000, 5_000, 8_000, 10_000, 10_000]);
  });

  it("does not retry after the last step even when Retry-After is present", () => {
    expect(decide(response(503, "5"), { attemptNumber: 8 })).toMatchObject({
      outcome: "failed",
      disableProfile: false,
    });
  });
});

describe("decideRetry jitter on the default ladder", () => {
  it.each([
    [1, 4_000, 5_000, 6_000],
    [2, 240_000, 300_000, 360_000],
    [3, 1_440_000, 1_800_000, 2_160_000],
    [4, 5_760_000, 7_200_000, 8_640_000],
    [5, 14_400_000, 18_000_000, 21_600_000],
    [6, 28_800_000, 36_000_000, 43_200_000],
    [7, 28_800_000, 36_000_000, 43_200_000],
  ])(
    "attempt %i waits %i ms at random()=0, %i at 0.5, %i as random()→1",
    (attemptNumber, lowMs, midMs, highMs) => {
      const after = (random: () => number) => {
        const decision = decide(response(500), { attemptNumber, random });
        return decision.outcome === "retry" ? decision.afterMs : null;
      };
      expect([after(LOWEST), after(NO_JITTER), after(HIGHEST)]).toEqual([lowMs, midMs, highMs]);
    },
  );

  it.each([1, -0.5, Number.NaN])("throws RangeError when random() returns %d", (sample) => {
    expect(() => decide(response(500), { random: () => sample })).toThrow(RangeError);
  });

  it("does not consult random() when the try succeeded", () => {
    let calls = 0;
    decide(response(200), { random: () => ++calls / 10 });
    expect(calls).toBe(0);
  });
});

describe("decideRetry ladder length", () => {
  it("retries after tries 1 to 7 and fails finally after try 8 with the default ladder", () => {
    const outcomes = [1, 2, 3, 4, 5, 6, 7, 8].map(
      (attemptNumber) => decide(response(500), { attemptNumber }).outcome,
    );
    expect(outcomes).toEqual([
      "retry",
      "retry",
      "retry",
      "retry",
      "retry",
      "retry",
      "retry",
      "failed",
    ]);
  });

  it("gives a final failure reason naming the last result and the number of tries", () => {
    expect(decide({ kind: "error", errorClass: "timeout" }, { attemptNumber: 8 })).toEqual({
      outcome: "failed",
      reason: "timeout; gave up after 8 tries",
      disableProfile: false,
    });
  });

  it("follows a custom ladder and stops after its last step", () => {
    const ladderMs = [1_000, 2_000];
    expect(decide(response(503), { ladderMs, attemptNumber: 1 })).toMatchObject({ afterMs: 1_000 });
    expect(decide(response(503), { ladderMs, attemptNumber: 2 })).toMatchObject({ afterMs: 2_000 });
    expect(decide(response(503), { ladderMs, attemptNumber: 3 })).toMatchObject({
      outcome: "failed",
      disableProfile: false,
    });
  });

  it("applies jitter and Retry-After clamping to custom steps", () => {
    const ladderMs = [10_000];
    expect(decide(response(500), { ladderMs, random: LOWEST })).toMatchObject({ afterMs: 8_000 });
    expect(decide(response(429, "60"), { ladderMs })).toMatchObject({ afterMs: 20_000 });
  });

  it("retries immediately on a zero step, even with Retry-After", () => {
    expect(decide(response(503, "30"), { ladderMs: [0] })).toMatchObject({ afterMs: 0 });
  });

  it("never retries with an empty ladder", () => {
    expect(decide(response(500), { ladderMs: [] })).toEqual({
      outcome: "failed",
      reason: "HTTP 500; gave up after 1 try",
      disableProfile: false,
    });
  });

  it("accepts a 20-step ladder and fails after try 21", () => {
    const ladderMs = Array.from({ length: 20 }, (_, i) => (i + 1) * 1_000);
    expect(decide(response(500), { ladderMs, attemptNumber: 20 })).toMatchObject({
      outcome: "retry",
      afterMs: 20_000,
    });
    expect(decide(response(500), { ladderMs, attemptNumber: 21 })).toMatchObject({
      outcome: "failed",
    });
  });

  it.each([
    ["21 steps", Array.from({ length: 21 }, () => 1_000)],
    ["a negative step", [-1]],
    ["a fractional step", [0.5]],
  ])("throws RangeError for a ladder with %s", (_name, ladderMs) => {
    expect(() => decide(response(500), { ladderMs })).toThrow(RangeError);
  });

  it.each([0, -1, 1.5, Number.NaN])("throws RangeError for attemptNumber %d", (attemptNumber) => {
    expect(() => decide(response(500), { attemptNumber })).toThrow(RangeError);
  });
});

describe("decideRetry by error class", () => {
  it.each<AttemptErrorClass>(["timeout", "connect", "dns", "tls", "network"])(
    "%s is retried along the ladder",
    (errorClass) => {
      expect(decide({ kind: "error", errorClass }, { attemptNumber: 3 })).toEqual({
        outcome: "retry",
        afterMs: 1_800_000,
        reason: errorClass,
      });
    },
  );

  it.each<AttemptErrorClass>(["ssrf", "render"])(
    "%s fails at once without disabling the profile",
    (errorClass) => {
      const decision = decide({ kind: "error", errorClass });
      expect(decision).toMatchObject({ outcome: "failed", disableProfile: false });
      expect(decision).toHaveProperty("reason", expect.stringContaining(errorClass));
    },
  );
});
