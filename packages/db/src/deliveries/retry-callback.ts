import { and, eq } from "drizzle-orm";
import type { Database } from "../create-db.ts";
import { callbackProfiles, type DeliveryStatus, deliveries } from "../schema/index.ts";
import { type CallbackRecord, callbackRecordColumns, isCallbackId } from "./callback-record.ts";
import { notifyDeliveries } from "./notify.ts";

/** Statuses a delivery can be resent from. */
export const RETRYABLE_STATUSES = ["failed", "delivered", "cancelled"] as const;

export type RetryCallbackResult =
  | { outcome: "retried"; callback: CallbackRecord }
  | { outcome: "not-found" }
  /** Still pending, being delivered, or held for an auto-disabled profile. */
  | { outcome: "not-finished"; status: DeliveryStatus }
  | { outcome: "profile-deleted"; profileId: string }
  | { outcome: "profile-disabled"; profileId: string };

export interface RetryCallbackOptions {
  /** Time of the resend; default: now. */
  now?: Date;
}

function isRetryable(status: DeliveryStatus): boolean {
  return (RETRYABLE_STATUSES as readonly DeliveryStatus[]).includes(status);
}

/**
 * Sends a finished delivery (failed, delivered or cancelled) again: it becomes `pending` and due
 * now, keeping its attempt count and history (`held` if its profile is auto-disabled). The row is
 * locked while deciding, so a retry never races the dispatcher or another retry.
 */
export async function retryCallback(
  db: Database,
  accountId: string,
  id: string,
  options: RetryCallbackOptions = {},
): Promise<RetryCallbackResult> {
  if (!isCallbackId(id)) return { outcome: "not-found" };
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ ...callbackRecordColumns, profile: callbackProfiles })
      .from(deliveries)
      .innerJoin(callbackProfiles, eq(callbackProfiles.id, deliveries.profileId))
      .where(and(eq(deliveries.accountId, accountId), eq(deliveries.id, id)))
      .for("update", { of: deliveries });
    if (found === undefined) return { outcome: "not-found" };
    const { delivery, profile } = found;
    if (!isRetryable(delivery.status)) return { outcome: "not-finished", status: delivery.status };
    if (profile.deletedAt !== null)
      return { outcome: "profile-deleted", profileId: profile.profileId };
    if (profile.status === 3) return { outcome: "profile-disabled", profileId: profile.profileId };
    const [updated] = await tx
      .update(deliveries)
      .set({
        status: profile.status === 2 ? "held" : "pending",
        nextAttemptAt: now,
        leaseExpiresAt: null,
        leasedBy: null,
        completedAt: null,
        modifiedAt: now,
      })
      .where(eq(deliveries.id, delivery.id))
      .returning();
    if (updated === undefined) throw new Error(`delivery ${delivery.id} vanished while locked`);
    await notifyDeliveries(tx);
    return { outcome: "retried", callback: { delivery: updated, profileId: profile.profileId } };
  });
}
