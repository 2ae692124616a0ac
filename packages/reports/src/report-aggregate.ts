import type { DbHandle } from "@rebound/db";
import type { ReportWindow } from "./report-window.ts";

export interface ProfileDeliveryCounts {
  /** Public id (`<prefix>_<uuid>`). */
  profileId: string;
  title: string;
  /** The profile was deleted after these deliveries finished. */
  deleted: boolean;
  delivered: number;
  failed: number;
}

export interface FailureReason {
  /** "HTTP 503", "timeout", "render"…: the last try's status code, else its error class. */
  label: string;
  statusCode: number | null;
  errorClass: string | null;
  count: number;
}

export interface AutoDisabledProfile {
  profileId: string;
  title: string;
  reason: string | null;
  disabledAt: Date;
}

export interface AggregateReportOptions {
  /** How many failure reasons to list, most frequent first; default 5. */
  topFailureReasons?: number;
}

export interface AggregateReportResult {
  window: ReportWindow;
  delivered: number;
  failed: number;
  /** delivered / (delivered + failed), 0–1; null when nothing finished in the window. */
  successRate: number | null;
  /** Profiles with at least one finished delivery, most failures first. */
  profiles: ProfileDeliveryCounts[];
  failureReasons: FailureReason[];
  /** Profiles auto-disabled (status 2) in the window and still disabled. */
  autoDisabledProfiles: AutoDisabledProfile[];
}

export const DEFAULT_TOP_FAILURE_REASONS = 5;

// Both deliveries statements read through deliveries_account_completed_idx: their status
// conditions imply its partial predicate, and its key columns are every column the counts read
// (an index-only scan on a vacuumed table). Plans: README.md, report-aggregate-plan.test.ts.
export const PROFILE_COUNTS_SQL = `
select p.profile_id, p.title, p.deleted_at is not null as deleted, c.delivered, c.failed
  from (select d.profile_id,
               count(*) filter (where d.status = 'delivered')::int as delivered,
               count(*) filter (where d.status = 'failed')::int as failed
          from deliveries d
         where d.account_id = $1::uuid
           and d.status in ('delivered', 'failed')
           and d.completed_at >= $2::timestamptz
           and d.completed_at < $3::timestamptz
         group by d.profile_id) c
  join callback_profiles p on p.id = c.profile_id and p.account_id = $1::uuid
 order by c.failed desc, c.delivered desc, p.title, p.profile_id`;

// A failure's reason is its last try: the status code is on the delivery row; only failures
// without one (timeouts, network, render errors) look up the error class of their last attempt.
export const FAILURE_REASONS_SQL = `
select f.status_code, f.error_class, count(*)::int as count
  from (select d.last_status_code as status_code,
               case when d.last_status_code is null then
                 (select a.error_class from attempts a
                   where a.delivery_id = d.id
                   order by a.attempt_number desc limit 1)
               end as error_class
          from deliveries d
         where d.account_id = $1::uuid
           and d.status = 'failed'
           and d.completed_at >= $2::timestamptz
           and d.completed_at < $3::timestamptz) f
 group by f.status_code, f.error_class
 order by count desc, f.status_code nulls last, f.error_class nulls last
 limit $4::int`;

export const AUTO_DISABLED_SQL = `
select profile_id, title, disabled_reason, disabled_at
  from callback_profiles
 where account_id = $1::uuid
   and status = 2
   and deleted_at is null
   and disabled_at >= $2::timestamptz
   and disabled_at < $3::timestamptz
 order by disabled_at, title`;

type ProfileCountsRow = {
  profile_id: string;
  title: string;
  deleted: boolean;
  delivered: number;
  failed: number;
};
type FailureReasonRow = { status_code: number | null; error_class: string | null; count: number };
type AutoDisabledRow = {
  profile_id: string;
  title: string;
  disabled_reason: string | null;
  disabled_at: unknown;
};

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === "string" || typeof value === "number") return new Date(value);
  throw new TypeError(`not a timestamp: ${String(value)}`);
}

function failureLabel(statusCode: number | null, errorClass: string | null): string {
  if (statusCode !== null) return `HTTP ${statusCode}`;
  return errorClass ?? "unknown";
}

/**
 * Counts an account's callbacks that finished in `window` (completed_at in [start, end)):
 * delivered, failed finally (retries still pending are not failures yet), per profile, the
 * most common failure reasons, and the profiles auto-disabled in the window.
 *
 * @example
 * const report = await aggregateReport(handle, account.id, reportWindow("daily", now, tz));
 * report.delivered; // 1200
 */
export async function aggregateReport(
  handle: Pick<DbHandle, "query">,
  accountId: string,
  window: ReportWindow,
  options: AggregateReportOptions = {},
): Promise<AggregateReportResult> {
  const topFailureReasons = options.topFailureReasons ?? DEFAULT_TOP_FAILURE_REASONS;
  if (!Number.isSafeInteger(topFailureReasons) || topFailureReasons < 0) {
    throw new RangeError(`topFailureReasons must be a whole number >= 0, got ${topFailureReasons}`);
  }
  if (window.end.getTime() < window.start.getTime()) {
    throw new RangeError("report window ends before it starts");
  }
  const range = [accountId, window.start.toISOString(), window.end.toISOString()];
  const profileRows = await handle.query<ProfileCountsRow>(PROFILE_COUNTS_SQL, range);
  const reasonRows = await handle.query<FailureReasonRow>(FAILURE_REASONS_SQL, [
    ...range,
    topFailureReasons,
  ]);
  const disabledRows = await handle.query<AutoDisabledRow>(AUTO_DISABLED_SQL, range);

  const profiles = profileRows.map((row) => ({
    profileId: row.profile_id,
    title: row.title,
    deleted: row.deleted,
    delivered: row.delivered,
    failed: row.failed,
  }));
  const delivered = profiles.reduce((sum, row) => sum + row.delivered, 0);
  const failed = profiles.reduce((sum, row) => sum + row.failed, 0);
  return {
    window: { start: new Date(window.start), end: new Date(window.end) },
    delivered,
    failed,
    successRate: delivered + failed === 0 ? null : delivered / (delivered + failed),
    profiles,
    failureReasons: reasonRows.map((row) => ({
      label: failureLabel(row.status_code, row.error_class),
      statusCode: row.status_code,
      errorClass: row.error_class,
      count: row.count,
    })),
    autoDisabledProfiles: disabledRows.map((row) => ({
      profileId: row.profile_id,
      title: row.title,
      reason: row.disabled_reason,
      disabledAt: toDate(row.disabled_at),
    })),
  };
}
