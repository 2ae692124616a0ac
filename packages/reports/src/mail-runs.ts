import type { DbHandle } from "@rebound/db";
import type { SendWithRetryResult } from "./mail/send-with-retry.ts";

/**
 * Tables whose rows each stand for one email and share the sending columns (`status`,
 * `lease_expires_at`, `retry_at`, `attempts`, `error`, `provider_message_id`, `recipients`,
 * `sent_at`). A fixed list: the name is spliced into SQL.
 */
export type MailRunTable = "report_runs" | "auto_disable_notices";

export interface MailSentOutcome {
  status: "sent";
  recipients: string[];
  providerMessageId: string;
  attempts: number;
  at: Date;
}

export interface MailFailedOutcome {
  status: "failed";
  recipients: string[];
  error: string;
  attempts: number;
  /** When any process may try again; null = final. */
  retryAt: Date | null;
}

/** What became of one claimed email; written by `recordMailOutcome`. */
export type MailRunOutcome =
  | MailSentOutcome
  | MailFailedOutcome
  /** Auto-disable notices only: nobody to send it to. */
  | { status: "skipped"; reason: string };

export interface ReclaimMailRunsOptions {
  now: Date;
  leaseMs: number;
  limit: number;
  /** The `returning` list of the caller's row shape, e.g. `id::text as id, account_id`. */
  columns: string;
  /**
   * The transport drops a repeat of the same idempotency key (Resend): a claim that expired after
   * its send had started may be sent again. Otherwise (SMTP, outbox) such a claim is recorded as
   * failed with an "outcome unknown" error instead, so no one gets the email twice.
   */
  resendStarted: boolean;
}

// Claimed rows whose sender never recorded an outcome (it crashed) and failures due for a retry.
// The outer condition is re-checked on the locked row, so two processes never take the same one.
// $1 = now, $4 = whether a claim whose send had started may be sent again.
const RECLAIMABLE = `((status = 'sending' and lease_expires_at <= $1::timestamptz
                       and (send_started_at is null or $4::boolean))
                   or (status = 'failed' and retry_at <= $1::timestamptz))`;

/**
 * Takes over, with a new lease, the rows of `table` that are due again: `sending` with an expired
 * lease, or `failed` with a `retry_at` that has come. Returns them as `options.columns`. Expired
 * claims whose send had started are first settled as failed unless `resendStarted`.
 */
export async function reclaimMailRuns(
  handle: Pick<DbHandle, "query">,
  table: MailRunTable,
  options: ReclaimMailRunsOptions,
): Promise<Record<string, unknown>[]> {
  if (!options.resendStarted) await settleInterruptedSends(handle, table, options.now);
  return handle.query(
    `update ${table} set status = 'sending', lease_expires_at = $2::timestamptz, retry_at = null,
                         send_started_at = null
      where id in (select id from ${table} where ${RECLAIMABLE}
                    order by id limit $3::int for update skip locked)
        and ${RECLAIMABLE}
      returning ${options.columns}`,
    [options.now.toISOString(), leaseUntil(options), options.limit, options.resendStarted],
  );
}

/**
 * Claims that expired while their email was being handed over: it may have gone out, so with a
 * transport that cannot drop a repeat they are not sent again by themselves. They become final
 * failures saying so, which an operator can resend by hand (`rebound report send`).
 */
async function settleInterruptedSends(
  handle: Pick<DbHandle, "query">,
  table: MailRunTable,
  now: Date,
): Promise<void> {
  await handle.query(
    `update ${table}
        set status = 'failed', retry_at = null, lease_expires_at = null,
            error = 'outcome unknown: the sending process stopped while handing this email to the '
                    || 'mail server (at ' || send_started_at || '), so it is not sent again by '
                    || 'itself, to avoid a duplicate; resend it by hand if it did not arrive'
      where status = 'sending' and lease_expires_at <= $1::timestamptz
        and send_started_at is not null`,
    [now.toISOString()],
  );
}

/**
 * Takes over one row by id: as `reclaimMailRuns`, and with `includeFinalFailures` also a
 * `failed` row that would not be retried by itself (a resend asked for by hand, which may also
 * take over an expired claim whose send had started).
 */
export async function reclaimMailRun(
  handle: Pick<DbHandle, "query">,
  table: MailRunTable,
  id: string,
  options: Omit<ReclaimMailRunsOptions, "limit" | "resendStarted"> & {
    includeFinalFailures: boolean;
  },
): Promise<Record<string, unknown> | null> {
  const failed = options.includeFinalFailures
    ? "status = 'failed'"
    : "(status = 'failed' and retry_at <= $1::timestamptz)";
  const [row] = await handle.query(
    `update ${table} set status = 'sending', lease_expires_at = $2::timestamptz, retry_at = null,
                         send_started_at = null
      where id = $3::bigint
        and ((status = 'sending' and lease_expires_at <= $1::timestamptz) or ${failed})
      returning ${options.columns}`,
    [options.now.toISOString(), leaseUntil(options), id],
  );
  return row ?? null;
}

/** Marks a claimed email as being handed to the provider (see `settleInterruptedSends`). */
export async function markSendStarted(
  handle: Pick<DbHandle, "query">,
  table: MailRunTable,
  id: string,
  now: Date,
): Promise<void> {
  await handle.query(
    `update ${table} set send_started_at = $2::timestamptz where id = $1::bigint and status = 'sending'`,
    [id, now.toISOString()],
  );
}

function leaseUntil(options: { now: Date; leaseMs: number }): string {
  return new Date(options.now.getTime() + options.leaseMs).toISOString();
}

/**
 * Records the outcome of a claimed email; false when the row was no longer ours to record. A
 * `sent` outcome also replaces a `failed` one (another process's earlier try of the same email,
 * after this one's lease had expired); a failure never replaces `sent`.
 */
export async function recordMailOutcome(
  handle: Pick<DbHandle, "query">,
  table: MailRunTable,
  id: string,
  outcome: MailRunOutcome,
): Promise<boolean> {
  switch (outcome.status) {
    case "sent":
      return updated(
        await handle.query(
          `update ${table} set status = 'sent', recipients = $2, provider_message_id = $3,
                  attempts = attempts + $4::int, error = null, sent_at = $5::timestamptz,
                  lease_expires_at = null, retry_at = null
            where id = $1::bigint and status in ('sending', 'failed')
            returning id`,
          [
            id,
            outcome.recipients.join(", "),
            outcome.providerMessageId,
            outcome.attempts,
            outcome.at.toISOString(),
          ],
        ),
      );
    case "failed":
      return updated(
        await handle.query(
          `update ${table} set status = 'failed', recipients = $2, error = $3,
                  attempts = attempts + $4::int, retry_at = $5::timestamptz, lease_expires_at = null,
                  send_started_at = null
            where id = $1::bigint and status = 'sending'
            returning id`,
          [
            id,
            outcome.recipients.join(", "),
            outcome.error,
            outcome.attempts,
            outcome.retryAt?.toISOString() ?? null,
          ],
        ),
      );
    case "skipped":
      return updated(
        await handle.query(
          `update ${table} set status = 'skipped', error = $2, lease_expires_at = null
            where id = $1::bigint and status = 'sending'
            returning id`,
          [id, outcome.reason],
        ),
      );
    default: {
      const unexpected: never = outcome;
      throw new TypeError(`unknown mail outcome ${JSON.stringify(unexpected)}`);
    }
  }
}

function updated(rows: unknown[]): boolean {
  return rows.length > 0;
}

/** How a claimed email's transport result becomes its recorded outcome. */
export interface MailRetryPolicy {
  /** Wait before another process may try a retryable failure again. */
  retryIntervalMs: number;
  /** No retry is scheduled after this instant (a report a day late says little). */
  retryUntil: Date;
}

/**
 * The outcome to record for a send result: `sent`, or `failed` with a `retryAt` when the failure
 * is retryable and the retry still falls before `retryUntil`.
 */
export function outcomeOfSend(
  result: SendWithRetryResult,
  recipients: string[],
  now: Date,
  policy: MailRetryPolicy,
): MailSentOutcome | MailFailedOutcome {
  if (result.ok) {
    return {
      status: "sent",
      recipients,
      providerMessageId: result.id,
      attempts: result.attempts,
      at: now,
    };
  }
  return {
    status: "failed",
    recipients,
    error: result.error,
    attempts: result.attempts,
    retryAt: result.retryable ? retryAt(now, policy) : null,
  };
}

/** The outcome to record when preparing the email threw (database down, a bug): retryable. */
export function outcomeOfError(
  error: unknown,
  recipients: string[],
  now: Date,
  policy: MailRetryPolicy,
): MailFailedOutcome {
  return {
    status: "failed",
    recipients,
    error: error instanceof Error ? error.message : String(error),
    attempts: 0,
    retryAt: retryAt(now, policy),
  };
}

function retryAt(now: Date, policy: MailRetryPolicy): Date | null {
  const at = new Date(now.getTime() + policy.retryIntervalMs);
  return at.getTime() <= policy.retryUntil.getTime() ? at : null;
}
