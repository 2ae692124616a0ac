import { type AutoDisableNoticeStatus, type DbHandle, toDate, toDateOrNull } from "@rebound/db";
import { reclaimMailRuns } from "./mail-runs.ts";

/** One row of `auto_disable_notices`: the email about one auto-disable of one profile. */
export interface AutoDisableNotice {
  id: string;
  /** Internal profile uuid. */
  profileId: string;
  accountId: string;
  /** The profile's `disabled_at` this notice is about. */
  disabledAt: Date;
  status: AutoDisableNoticeStatus;
  attempts: number;
  leaseExpiresAt: Date | null;
}

const NOTICE_COLUMNS = `id::text as id, profile_id, account_id, disabled_at, status, attempts,
  lease_expires_at`;

function toNotice(row: Record<string, unknown>): AutoDisableNotice {
  return {
    id: String(row.id),
    profileId: String(row.profile_id),
    accountId: String(row.account_id),
    disabledAt: toDate(row.disabled_at),
    status: row.status as AutoDisableNoticeStatus,
    attempts: Number(row.attempts),
    leaseExpiresAt: toDateOrNull(row.lease_expires_at),
  };
}

export interface ClaimAutoDisableNoticesOptions {
  now: Date;
  leaseMs: number;
  /** Disables before this instant are not notified any more (e.g. after a long outage). */
  since: Date;
  limit: number;
}

// The dispatcher sets status 2 and a fresh disabled_at on each auto-disable; a notice row per
// (profile, disabled_at) is the "notified" marker. Two processes may select the same profile;
// the unique key lets one insert win and the other's `do nothing` return no row.
const CLAIM_SQL = `
insert into auto_disable_notices
  (profile_id, account_id, disabled_at, status, lease_expires_at, created_at)
select p.id, p.account_id, p.disabled_at, 'sending', $2::timestamptz, $1::timestamptz
  from callback_profiles p
 where p.status = 2
   and p.deleted_at is null
   and p.disabled_at >= $3::timestamptz
   and not exists (select 1 from auto_disable_notices n
                    where n.profile_id = p.id and n.disabled_at = p.disabled_at)
 order by p.disabled_at
 limit $4::int
on conflict (profile_id, disabled_at) do nothing
returning ${NOTICE_COLUMNS}`;

/** Claims notices for profiles auto-disabled since `since` and not notified yet. */
export async function claimAutoDisableNotices(
  handle: Pick<DbHandle, "query">,
  options: ClaimAutoDisableNoticesOptions,
): Promise<AutoDisableNotice[]> {
  const rows = await handle.query(CLAIM_SQL, [
    options.now.toISOString(),
    new Date(options.now.getTime() + options.leaseMs).toISOString(),
    options.since.toISOString(),
    options.limit,
  ]);
  return rows.map(toNotice);
}

/** Notices a crashed process left `sending` (lease expired) and failures due for a retry. */
export async function reclaimAutoDisableNotices(
  handle: Pick<DbHandle, "query">,
  options: { now: Date; leaseMs: number; limit: number; resendStarted: boolean },
): Promise<AutoDisableNotice[]> {
  const rows = await reclaimMailRuns(handle, "auto_disable_notices", {
    ...options,
    columns: NOTICE_COLUMNS,
  });
  return rows.map(toNotice);
}

/** The profile a notice is about, as the email shows it. */
export interface NoticeProfile {
  /** Public id. */
  profileId: string;
  title: string;
  url: string;
  /** Null when the profile has been re-enabled (or disabled again) since. */
  reason: string | null;
}

export async function findNoticeProfile(
  handle: Pick<DbHandle, "query">,
  notice: Pick<AutoDisableNotice, "profileId" | "disabledAt">,
): Promise<NoticeProfile | null> {
  const [row] = await handle.query(
    `select profile_id, title, url,
            case when disabled_at = $2::timestamptz then disabled_reason end as reason
       from callback_profiles where id = $1::uuid`,
    [notice.profileId, notice.disabledAt.toISOString()],
  );
  if (row === undefined) return null;
  return {
    profileId: String(row.profile_id),
    title: String(row.title),
    url: String(row.url),
    reason: (row.reason as string | null) ?? null,
  };
}
