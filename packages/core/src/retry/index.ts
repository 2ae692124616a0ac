export type { AttemptErrorClass, AttemptResult } from "./attempt-result.ts";
export { describeAttemptResult, isSuccessStatus } from "./attempt-result.ts";
export type { AutoDisableInput } from "./auto-disable.ts";
export {
  DEFAULT_AUTO_DISABLE_MIN_DURATION_MS,
  DEFAULT_AUTO_DISABLE_MIN_FAILURES,
  shouldAutoDisable,
} from "./auto-disable.ts";
export { parseHttpDate } from "./http-date.ts";
export { parseRetryAfter } from "./retry-after.ts";
export type { RetryDecision, RetryInput } from "./retry-decision.ts";
export { decideRetry } from "./retry-decision.ts";
export {
  DEFAULT_RETRY_LADDER_MS,
  isValidRetryLadder,
  JITTER_RATIO,
  jitterDelayMs,
  MAX_RETRY_LADDER_STEPS,
} from "./retry-ladder.ts";
