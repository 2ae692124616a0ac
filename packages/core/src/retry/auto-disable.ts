export const DEFAULT_AUTO_DISABLE_MIN_FAILURES = 20;
export const DEFAULT_AUTO_DISABLE_MIN_DURATION_MS = 24 * 60 * 60 * 1000;

export interface AutoDisableInput {
  /** Final failures in a row since the last success. */
  consecutiveFinalFailures: number;
  /** When the first of those final failures happened; null when there is none. */
  firstFinalFailureAtMs: number | null;
  nowMs: number;
  minFailures?: number;
  minDurationMs?: number;
}

/**
 * True when a profile's endpoint looks dead: deliveries have failed finally for at least
 * `minDurationMs` (24 h) with no success in between, and at least `minFailures` (20) in a row.
 * Both conditions are needed so neither a short outage nor one rare daily callback disables it.
 *
 * @example
 * shouldAutoDisable({ consecutiveFinalFailures: 20, firstFinalFailureAtMs: nowMs - 86_400_000, nowMs }); // true
 */
export function shouldAutoDisable(input: AutoDisableInput): boolean {
  const minFailures = input.minFailures ?? DEFAULT_AUTO_DISABLE_MIN_FAILURES;
  const minDurationMs = input.minDurationMs ?? DEFAULT_AUTO_DISABLE_MIN_DURATION_MS;
  if (input.firstFinalFailureAtMs === null) return false;
  return (
    input.consecutiveFinalFailures >= minFailures &&
    input.nowMs - input.firstFinalFailureAtMs >= minDurationMs
  );
}
