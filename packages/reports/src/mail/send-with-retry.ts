import { setTimeout as delay } from "node:timers/promises";
import type { MailMessage, MailSendResult, MailTransport } from "./mail-transport.ts";

export interface SendWithRetryOptions {
  /** Tries in all, the first included: a whole number 1–10, default 3. */
  attempts?: number;
  /** Wait before the second try, doubled before each further one; default 2000 ms. */
  backoffMs?: number;
  /** Longest single wait, also the cap on a provider's `Retry-After`; default 60 s. */
  maxBackoffMs?: number;
  /** Injected in tests so retries run instantly; default a real timer. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_MAIL_ATTEMPTS = 3;
export const MAX_MAIL_ATTEMPTS = 10;
export const DEFAULT_MAIL_BACKOFF_MS = 2_000;
export const DEFAULT_MAIL_MAX_BACKOFF_MS = 60_000;

/** The last try's result, how many tries it took, and every failed try's error in order. */
export type SendWithRetryResult = MailSendResult & { attempts: number; errors: string[] };

/**
 * Sends `message`, trying again after retryable failures (exponential backoff, honouring a
 * longer `Retry-After`) up to `attempts` tries. A non-retryable failure stops at once. Never
 * throws for a failed send: the caller records the result, attempts and errors.
 *
 * @example
 * const result = await sendWithRetry(transport, message, { attempts: 4, backoffMs: 5_000 });
 * if (!result.ok) await recordFailure(run, result.error, result.attempts);
 */
export async function sendWithRetry(
  transport: MailTransport,
  message: MailMessage,
  options: SendWithRetryOptions = {},
): Promise<SendWithRetryResult> {
  const attempts = options.attempts ?? DEFAULT_MAIL_ATTEMPTS;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > MAX_MAIL_ATTEMPTS) {
    throw new RangeError(`attempts must be a whole number 1–${MAX_MAIL_ATTEMPTS}, got ${attempts}`);
  }
  const backoffMs = options.backoffMs ?? DEFAULT_MAIL_BACKOFF_MS;
  const maxBackoffMs = options.maxBackoffMs ?? DEFAULT_MAIL_MAX_BACKOFF_MS;
  if (!(backoffMs >= 0) || !(maxBackoffMs >= 0)) {
    throw new RangeError("backoffMs and maxBackoffMs must be >= 0");
  }
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const errors: string[] = [];
  for (let attempt = 1; ; attempt += 1) {
    const result = await transport.send(message);
    if (result.ok) return { ...result, attempts: attempt, errors };
    errors.push(result.error);
    if (!result.retryable || attempt >= attempts) return { ...result, attempts: attempt, errors };
    const backoff = Math.max(backoffMs * 2 ** (attempt - 1), result.retryAfterMs ?? 0);
    await sleep(Math.min(backoff, maxBackoffMs));
  }
}
