export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * A token bucket per API key: `perMinute` tokens, refilled continuously. It lives in the memory of
 * one process, so with several API processes a key gets up to that many times the limit; a shared
 * limiter (database or Redis) is left for when that matters. Only authenticated keys get a bucket,
 * so the map is bounded by the number of keys.
 */
export class RateLimiter {
  readonly #perMinute: number;
  readonly #now: () => Date;
  readonly #buckets = new Map<string, Bucket>();

  constructor(perMinute: number, now: () => Date) {
    if (!Number.isFinite(perMinute) || perMinute <= 0) {
      throw new RangeError(`rate limit must be a positive number per minute, got ${perMinute}`);
    }
    this.#perMinute = perMinute;
    this.#now = now;
  }

  /** Takes one token for `key`, or says how long to wait for the next one. */
  take(key: string): RateLimitDecision {
    const nowMs = this.#now().getTime();
    const refillPerMs = this.#perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: this.#perMinute, updatedMs: nowMs };
    const elapsedMs = Math.max(0, nowMs - bucket.updatedMs);
    bucket.tokens = Math.min(this.#perMinute, bucket.tokens + elapsedMs * refillPerMs);
    bucket.updatedMs = nowMs;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = (1 - bucket.tokens) / refillPerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
