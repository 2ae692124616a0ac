import type { DbHandle } from "@rebound/db";
import type { MailTransport } from "./mail/mail-transport.ts";
import type { SendWithRetryOptions } from "./mail/send-with-retry.ts";

/** What sending one claimed email (a report run, an auto-disable notice) needs. */
export interface MailRunContext {
  handle: DbHandle;
  mail: MailTransport;
  /** `Rebound <reports@example.com>`. */
  from: string;
  now: () => Date;
  /** How long a claim holds before another process may send the email again. */
  leaseMs: number;
  /** Wait before a retryable failure is tried again (by any process). */
  retryIntervalMs: number;
  /** Retries stop this long after the report window's end (or the profile's disable). */
  retryForMs: number;
  /** Tries within one claim (`sendWithRetry`). */
  mailRetry?: SendWithRetryOptions;
  /** Shown in the auto-disable email's re-enable instructions. */
  apiBaseUrl?: string;
}

/** A claim of 10 minutes outlasts the longest send: 3 tries with 30 s timeouts and backoff. */
export const DEFAULT_MAIL_LEASE_MS = 10 * 60_000;
export const DEFAULT_MAIL_RETRY_INTERVAL_MS = 10 * 60_000;
export const DEFAULT_MAIL_RETRY_FOR_MS = 24 * 60 * 60_000;
