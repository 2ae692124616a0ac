import type { AttemptErrorClass, AttemptResult } from "./attempt-result.ts";
import { describeAttemptResult, isSuccessStatus } from "./attempt-result.ts";
import { parseRetryAfter } from "./retry-after.ts";
import { DEFAULT_RETRY_LADDER_MS, isValidRetryLadder, jitterDelayMs } from "./retry-ladder.ts";

export interface RetryInput {
  /** 1-based: the try that just finished. */
  attemptNumber: number;
  result: AttemptResult;
  /** Per-profile override of the waits; defaults to DEFAULT_RETRY_LADDER_MS. */
  ladderMs?: readonly number[];
  /** Uniform source in [0, 1), injected so tests are deterministic. */
  random: () => number;
  /** Current time, for Retry-After HTTP-dates. */
  nowMs: number;
}

export type RetryDecision =
  | { outcome: "delivered" }
  | { outcome: "retry"; afterMs: number; reason: string }
  | { outcome: "failed"; reason: string; disableProfile: boolean };

const GONE = 410;
// Statuses whose Retry-After we honour: the server is telling us when it can take the callback.
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);
// Retrying cannot help: the target is forbidden, or the request itself cannot be built.
const FINAL_ERROR_CLASSES: ReadonlySet<AttemptErrorClass> = new Set(["ssrf", "render"]);

function assertInput(input: RetryInput, ladderMs: readonly number[]): void {
  if (!Number.isSafeInteger(input.attemptNumber) || input.attemptNumber < 1) {
    throw new RangeError(`attemptNumber must be an integer >= 1, got ${input.attemptNumber}`);
  }
  if (!isValidRetryLadder(ladderMs)) {
    throw new RangeError("retry ladder must have 0-20 steps of whole, non-negative milliseconds");
  }
}

function retryAfterMs(result: AttemptResult, nowMs: number): number | null {
  if (result.kind !== "response" || !RETRY_AFTER_STATUSES.has(result.statusCode)) return null;
  return parseRetryAfter(result.retryAfter, nowMs);
}

function scheduleRetry(
  input: RetryInput,
  ladderMs: readonly number[],
  label: string,
): RetryDecision {
  const stepMs = ladderMs[input.attemptNumber - 1];
  if (stepMs === undefined) {
    const tries = input.attemptNumber === 1 ? "1 try" : `${input.attemptNumber} tries`;
    return { outcome: "failed", reason: `${label}; gave up after ${tries}`, disableProfile: false };
  }
  const requestedMs = retryAfterMs(input.result, input.nowMs);
  if (requestedMs !== null) {
    const afterMs = Math.min(Math.max(requestedMs, stepMs), 2 * stepMs);
    return { outcome: "retry", afterMs, reason: `${label} with Retry-After` };
  }
  return { outcome: "retry", afterMs: jitterDelayMs(stepMs, input.random), reason: label };
}

/**
 * Decides what happens after one try of a delivery: delivered, retry after a wait, or final
 * failure. Pure: time and randomness are injected.
 *
 * - 2xx delivers; 3xx, other 4xx/5xx, timeouts and network errors retry along the ladder.
 * - 410 Gone fails at once and disables the profile; "ssrf" and "render" errors fail at once.
 * - 429/503 Retry-After is honoured within [step, 2 × step], without jitter.
 *
 * @throws RangeError for an invalid attempt number, ladder or random() value (caller bugs).
 * @example
 * const decision = decideRetry({ attemptNumber: 1, result, random: Math.random, nowMs: Date.now() });
 * if (decision.outcome === "retry") scheduleAt(nowMs + decision.afterMs);
 */
export function decideRetry(input: RetryInput): RetryDecision {
  const ladderMs = input.ladderMs ?? DEFAULT_RETRY_LADDER_MS;
  assertInput(input, ladderMs);
  const { result } = input;
  const label = describeAttemptResult(result);
  if (result.kind === "response" && isSuccessStatus(result.statusCode)) {
    return { outcome: "delivered" };
  }
  if (result.kind === "response" && result.statusCode === GONE) {
    return { outcome: "failed", reason: `${label} Gone; profile disabled`, disableProfile: true };
  }
  if (result.kind === "error" && FINAL_ERROR_CLASSES.has(result.errorClass)) {
    return { outcome: "failed", reason: `${label}; not retryable`, disableProfile: false };
  }
  return scheduleRetry(input, ladderMs, label);
}
