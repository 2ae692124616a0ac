import type { DbHandle } from "@rebound/db";

export interface ReleaseLeasesOptions {
  workerId: string;
  now: Date;
  /** Only these deliveries; omitted = every delivery this worker still leases. */
  deliveryIds?: readonly string[];
  /**
   * Take back the attempt the claim counted: right when no request was started (rows claimed
   * past a profile's cap); wrong after a request may have gone out.
   */
  refundAttempt: boolean;
}

/** Hands leased deliveries back to the queue (status pending, due now); returns how many. */
export async function releaseLeases(
  handle: DbHandle,
  options: ReleaseLeasesOptions,
): Promise<number> {
  const rows = await handle.query<{ id: string }>(
    `update deliveries
        set status = 'pending', lease_expires_at = null, leased_by = null, modified_at = $2,
            attempt_count = attempt_count - $3
      where status = 'delivering' and leased_by = $1
        and ($4::uuid[] is null or id = any($4::uuid[]))
      returning id`,
    [
      options.workerId,
      options.now.toISOString(),
      options.refundAttempt ? 1 : 0,
      options.deliveryIds ?? null,
    ],
  );
  return rows.length;
}
