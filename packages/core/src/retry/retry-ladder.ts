const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/** Waits after each failed try: 7 retries, so at most 8 tries in all. */
export const DEFAULT_RETRY_LADDER_MS: readonly number[] = Object.freeze([
  5 * SECOND_MS,
  5 * MINUTE_MS,
  30 * MINUTE_MS,
  2 * HOUR_MS,
  5 * HOUR_MS,
  10 * HOUR_MS,
  10 * HOUR_MS,
]);

/** Uniform jitter of ±20 % around each ladder step, so failed bursts do not retry in lockstep. */
export const JITTER_RATIO = 0.2;

/** Longest per-profile ladder override. */
export const MAX_RETRY_LADDER_STEPS = 20;

/**
 * True when `ladderMs` is a usable per-profile override: 0 to 20 steps of whole, non-negative
 * milliseconds. An empty ladder is valid and means "never retry".
 */
export function isValidRetryLadder(ladderMs: readonly number[]): boolean {
  return (
    ladderMs.length <= MAX_RETRY_LADDER_STEPS &&
    ladderMs.every((stepMs) => Number.isSafeInteger(stepMs) && stepMs >= 0)
  );
}

/**
 * Applies ±JITTER_RATIO uniform jitter to a step: random() = 0 gives 0.8 × step, values
 * approaching 1 give 1.2 × step.
 */
export function jitterDelayMs(stepMs: number, random: () => number): number {
  const sample = random();
  if (!(sample >= 0 && sample < 1)) {
    throw new RangeError(`random() must return a number in [0, 1), got ${sample}`);
  }
  return Math.round(stepMs * (1 + JITTER_RATIO * (2 * sample - 1)));
}
