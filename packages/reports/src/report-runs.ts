import {
  type DbHandle,
  type ReportFrequency,
  type ReportRunStatus,
  toDate,
  toDateOrNull,
} from "@rebound/db";
import { reclaimMailRun, reclaimMailRuns } from "./mail-runs.ts";
import type { ReportWindow } from "./report-window.ts";

/** One row of `report_runs`: the report email of one (account, frequency, window). */
export interface ReportRun {
  /** bigserial, as text. */
  id: string;
  accountId: string;
  frequency: ReportFrequency;
  window: ReportWindow;
  status: ReportRunStatus;
  /** Tries at the mail provider over every claim so far. */
  attempts: number;
  leaseExpiresAt: Date | null;
  retryAt: Date | null;
  error: string | null;
  providerMessageId: string | null;
  sentAt: Date | null;
}

export const REPORT_RUN_COLUMNS = `id::text as id, account_id, frequency, window_start, window_end,
  status, attempts, lease_expires_at, retry_at, error, provider_message_id, sent_at`;

export function toReportRun(row: Record<string, unknown>): ReportRun {
  return {
    id: String(row.id),
    accountId: String(row.account_id),
    frequency: row.frequency as ReportFrequency,
    window: { start: toDate(row.window_start), end: toDate(row.window_end) },
    status: row.status as ReportRunStatus,
    attempts: Number(row.attempts),
    leaseExpiresAt: toDateOrNull(row.lease_expires_at),
    retryAt: toDateOrNull(row.retry_at),
    error: (row.error as string | null) ?? null,
    providerMessageId: (row.provider_message_id as string | null) ?? null,
    sentAt: toDateOrNull(row.sent_at),
  };
}

/**
 * The idempotency key of a report email: the same (account, frequency, window end) always gives
 * the same key, so a resend after a crash is the same email at Resend and the same Message-ID.
 */
export function reportIdempotencyKey(
  run: Pick<ReportRun, "accountId" | "frequency" | "window">,
): string {
  return `report:${run.accountId}:${run.frequency}:${run.window.end.toISOString()}`;
}

export interface ClaimReportRunInput {
  accountId: string;
  frequency: ReportFrequency;
  window: ReportWindow;
  now: Date;
  leaseMs: number;
}

/**
 * Claims a window by inserting its run as `sending` with a lease, in one statement of its own;
 * null when a run for that (account, frequency, window end) exists already: another process
 * has it, or had it.
 */
export async function claimReportRun(
  handle: Pick<DbHandle, "query">,
  input: ClaimReportRunInput,
): Promise<ReportRun | null> {
  const [row] = await handle.query(
    `insert into report_runs
       (account_id, frequency, window_start, window_end, status, lease_expires_at, created_at)
     values ($1::uuid, $2, $3::timestamptz, $4::timestamptz, 'sending', $5::timestamptz, $6::timestamptz)
     on conflict (account_id, frequency, window_end) do nothing
     returning ${REPORT_RUN_COLUMNS}`,
    [
      input.accountId,
      input.frequency,
      input.window.start.toISOString(),
      input.window.end.toISOString(),
      new Date(input.now.getTime() + input.leaseMs).toISOString(),
      input.now.toISOString(),
    ],
  );
  return row === undefined ? null : toReportRun(row);
}

/** Runs left `sending` by a crashed process (lease expired) and failures due for a retry. */
export async function reclaimReportRuns(
  handle: Pick<DbHandle, "query">,
  options: { now: Date; leaseMs: number; limit: number; resendStarted: boolean },
): Promise<ReportRun[]> {
  const rows = await reclaimMailRuns(handle, "report_runs", {
    ...options,
    columns: REPORT_RUN_COLUMNS,
  });
  return rows.map(toReportRun);
}

/** Takes over one run for a resend by hand: a failed one, or one whose sender's lease expired. */
export async function reclaimReportRun(
  handle: Pick<DbHandle, "query">,
  id: string,
  options: { now: Date; leaseMs: number },
): Promise<ReportRun | null> {
  const row = await reclaimMailRun(handle, "report_runs", id, {
    ...options,
    includeFinalFailures: true,
    columns: REPORT_RUN_COLUMNS,
  });
  return row === null ? null : toReportRun(row);
}

/** The run of (account, frequency) ending at `windowEnd`, or null. */
export async function findReportRun(
  handle: Pick<DbHandle, "query">,
  accountId: string,
  frequency: ReportFrequency,
  windowEnd: Date,
): Promise<ReportRun | null> {
  const [row] = await handle.query(
    `select ${REPORT_RUN_COLUMNS} from report_runs
      where account_id = $1::uuid and frequency = $2 and window_end = $3::timestamptz`,
    [accountId, frequency, windowEnd.toISOString()],
  );
  return row === undefined ? null : toReportRun(row);
}

/** The latest `window_end` of (account, frequency) before `before`, or null. */
export async function lastWindowEndBefore(
  handle: Pick<DbHandle, "query">,
  accountId: string,
  frequency: ReportFrequency,
  before: Date,
): Promise<Date | null> {
  const [row] = await handle.query(
    `select max(window_end) as window_end from report_runs
      where account_id = $1::uuid and frequency = $2 and window_end < $3::timestamptz`,
    [accountId, frequency, before.toISOString()],
  );
  return toDateOrNull(row?.window_end);
}
