import type { DbHandle } from "@rebound/db";
import { toDate } from "./sql-rows.ts";

/** A delivery this worker now holds a lease on, with what is needed to send it. */
export interface ClaimedDelivery {
  id: string;
  accountId: string;
  /** Internal profile uuid. */
  profileId: string;
  event: string;
  data: unknown;
  /** 1-based number of the try about to be made (incremented by the claim). */
  attemptNumber: number;
  /** The profile row's `modified_at`, so the profile cache knows whether its copy is current. */
  profileModifiedAt: Date;
}

export interface ClaimOptions {
  workerId: string;
  /** How many rows at most: the free concurrency. */
  limit: number;
  leaseMs: number;
  now: Date;
  /** Profiles already at their in-flight cap; their rows are left for later. */
  saturatedProfileIds: readonly string[];
}

interface ClaimRow extends Record<string, unknown> {
  id: string;
  account_id: string;
  profile_id: string;
  event: string;
  data: unknown;
  attempt_count: number;
  profile_modified_at: unknown;
}

// One statement: SKIP LOCKED lets any number of dispatchers claim side by side, and the lease
// (not a transaction) protects the row while it is being sent.
const CLAIM_SQL = `
update deliveries d
   set status = 'delivering',
       lease_expires_at = $2,
       leased_by = $3,
       attempt_count = d.attempt_count + 1,
       modified_at = $1
  from callback_profiles p
 where p.id = d.profile_id
   and d.status = 'pending'
   and d.id in (
     select id from deliveries
      where status = 'pending'
        and next_attempt_at <= $1
        and profile_id <> all($5::uuid[])
      order by next_attempt_at
      limit $4
      for update skip locked)
returning d.id, d.account_id, d.profile_id, d.event, d.data, d.attempt_count,
          p.modified_at as profile_modified_at`;

/** Leases up to `limit` due deliveries to this worker. */
export async function claimDeliveries(
  handle: DbHandle,
  options: ClaimOptions,
): Promise<ClaimedDelivery[]> {
  if (options.limit <= 0) return [];
  const leaseExpiresAt = new Date(options.now.getTime() + options.leaseMs);
  const rows = await handle.query<ClaimRow>(CLAIM_SQL, [
    options.now.toISOString(),
    leaseExpiresAt.toISOString(),
    options.workerId,
    options.limit,
    options.saturatedProfileIds,
  ]);
  return rows.map((row) => ({
    id: row.id,
    accountId: row.account_id,
    profileId: row.profile_id,
    event: row.event,
    data: row.data,
    attemptNumber: row.attempt_count,
    profileModifiedAt: toDate(row.profile_modified_at),
  }));
}
