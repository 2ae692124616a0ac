import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter.ts";

describe("RateLimiter", () => {
  it("allows a full minute's budget at once, then asks to wait for the next token", () => {
    let nowMs = 0;
    const limiter = new RateLimiter(3, () => new Date(nowMs));
    expect([1, 2, 3].map(() => limiter.take("k").allowed)).toEqual([true, true, true]);
    expect(limiter.take("k")).toEqual({ allowed: false, retryAfterSeconds: 20 });
    nowMs = 20_000;
    expect(limiter.take("k").allowed).toBe(true);
    expect(limiter.take("k").allowed).toBe(false);
  });

  it("keeps a separate budget per key", () => {
    const limiter = new RateLimiter(1, () => new Date(0));
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(true);
  });

  it.each([0, -1, Number.NaN])("refuses a limit of %s", (perMinute) => {
    expect(() => new RateLimiter(perMinute, () => new Date())).toThrow(RangeError);
  });
});
