import type { DbHandle } from "@rebound/db";

/**
 * Puts deliveries whose lease expired (their worker crashed or hung) back to `pending`, due at
 * once. The attempt the lost worker counted stays counted: it may have reached the receiver,
 * and a delivery that keeps killing workers must still run out of tries.
 */
export async function reclaimExpiredLeases(handle: DbHandle, now: Date): Promise<number> {
  const rows = await handle.query<{ id: string }>(
    `update deliveries
        set status = 'pending', lease_expires_at = null, leased_by = null, modified_at = $1
      where status = 'delivering' and lease_expires_at < $1
      returning id`,
    [now.toISOString()],
  );
  return rows.length;
}
