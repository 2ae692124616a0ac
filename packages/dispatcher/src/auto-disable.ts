import { shouldAutoDisable } from "@rebound/core";
import { callbackProfiles, type Database, deliveries, rowsOf, toDateOrNull } from "@rebound/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DeliveryOutcome } from "./delivery-outcome.ts";

export interface AutoDisableOptions {
  /** Final failures in a row needed, default 20. */
  minFailures: number;
  /** How long failures must have lasted with no success in between, default 24 h. */
  minDurationMs: number;
}

/** A profile's health change from one batch of outcomes, in completion order. */
interface ProfileHealth {
  /** A success happened: the streak restarts from `failures`. */
  reset: boolean;
  /** Final failures after the last success. */
  failures: number;
  firstFailureAt: Date | null;
  goneReason: string | null;
}

function summarise(outcomes: readonly DeliveryOutcome[]): Map<string, ProfileHealth> {
  const health = new Map<string, ProfileHealth>();
  for (const outcome of outcomes) {
    const id = outcome.delivery.profileId;
    const entry = health.get(id) ?? {
      reset: false,
      failures: 0,
      firstFailureAt: null,
      goneReason: null,
    };
    health.set(id, entry);
    if (outcome.outcome === "delivered") {
      Object.assign(entry, { reset: true, failures: 0, firstFailureAt: null });
    } else if (outcome.outcome === "failed") {
      if (outcome.disableProfile) entry.goneReason = outcome.reason;
      // A render error is the profile's own fault, not a sign that the endpoint is dead.
      if (outcome.attempt.errorClass === "render") continue;
      entry.failures += 1;
      entry.firstFailureAt ??= outcome.at;
    }
  }
  for (const [id, entry] of health) {
    if (!entry.reset && entry.failures === 0 && entry.goneReason === null) health.delete(id);
  }
  return health;
}

interface CounterRow {
  id: string;
  status: number;
  consecutive_final_failures: number;
  first_final_failure_at: unknown;
}

/**
 * Applies recorded outcomes to the profiles' failure streaks and disables (status 2) the
 * profiles that answered 410 or whose streak `shouldAutoDisable` judges dead; their pending
 * deliveries become `held`. Runs inside the outcome writer's transaction. Returns the ids of
 * the profiles disabled.
 */
export async function applyProfileHealth(
  db: Database,
  outcomes: readonly DeliveryOutcome[],
  options: AutoDisableOptions & { now: Date },
): Promise<string[]> {
  const health = summarise(outcomes);
  if (health.size === 0) return [];
  const values = [...health].map(
    ([id, entry]) =>
      sql`(${id}::uuid, ${entry.reset}::boolean, ${entry.failures}::int, ${entry.firstFailureAt?.toISOString() ?? null}::timestamptz)`,
  );
  // Rows are locked in id order first, so two workers' flushes touching the same profiles
  // cannot deadlock; profiles with nothing to change (the common success) are not locked.
  const rows = rowsOf<CounterRow>(
    await db.execute(sql`
      with v(id, reset, failures, first_failure_at) as (values ${sql.join(values, sql`, `)}),
      locked as (
        select p.id from callback_profiles p join v on v.id = p.id
         where v.failures > 0 or p.consecutive_final_failures <> 0
            or p.first_final_failure_at is not null
         order by p.id
         for update of p)
      update callback_profiles p set
        consecutive_final_failures = case when v.reset then v.failures
                                          else p.consecutive_final_failures + v.failures end,
        first_final_failure_at = case when v.failures = 0 then null
                                      when v.reset then v.first_failure_at
                                      else coalesce(p.first_final_failure_at, v.first_failure_at) end
      from v join locked on locked.id = v.id
      where p.id = v.id
      returning p.id, p.status, p.consecutive_final_failures, p.first_final_failure_at`),
  );
  const reasons = new Map<string, string>();
  for (const [id, entry] of health) {
    if (entry.goneReason !== null) reasons.set(id, entry.goneReason);
  }
  for (const row of rows) {
    const firstAt = toDateOrNull(row.first_final_failure_at);
    const dead = shouldAutoDisable({
      consecutiveFinalFailures: row.consecutive_final_failures,
      firstFinalFailureAtMs: firstAt?.getTime() ?? null,
      nowMs: options.now.getTime(),
      minFailures: options.minFailures,
      minDurationMs: options.minDurationMs,
    });
    if (dead && !reasons.has(row.id)) {
      const since = firstAt?.toISOString() ?? "unknown";
      reasons.set(
        row.id,
        `${row.consecutive_final_failures} consecutive failed deliveries since ${since}`,
      );
    }
  }
  return disableProfiles(db, reasons, options.now);
}

/** Sets active profiles to status 2 with a reason and holds their pending deliveries. */
export async function disableProfiles(
  db: Database,
  reasons: ReadonlyMap<string, string>,
  now: Date,
): Promise<string[]> {
  const disabled: string[] = [];
  for (const [id, reason] of reasons) {
    const updated = await db
      .update(callbackProfiles)
      .set({ status: 2, disabledReason: reason, disabledAt: now, modifiedAt: now })
      .where(
        and(
          eq(callbackProfiles.id, id),
          eq(callbackProfiles.status, 1),
          isNull(callbackProfiles.deletedAt),
        ),
      )
      .returning({ id: callbackProfiles.id });
    if (updated.length > 0) disabled.push(id);
  }
  if (disabled.length > 0) {
    await db
      .update(deliveries)
      .set({ status: "held", modifiedAt: now })
      .where(and(inArray(deliveries.profileId, disabled), eq(deliveries.status, "pending")));
  }
  return disabled;
}
