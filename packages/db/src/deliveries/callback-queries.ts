import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { Database } from "../create-db.ts";
import {
  type AttemptRow,
  attempts,
  callbackProfiles,
  type DeliveryStatus,
  deliveries,
} from "../schema/index.ts";
import { type CallbackRecord, callbackRecordColumns, isCallbackId } from "./callback-record.ts";

export interface ListCallbacksFilters {
  /** Public profile id. */
  profileId?: string;
  status?: DeliveryStatus;
  /** Created at or after. */
  from?: Date;
  /** Created before (`inclusive`: at or before). */
  to?: { at: Date; inclusive: boolean };
  limit: number;
  offset: number;
}

/** A listed delivery: the record plus what a list shows of its attempts. */
export interface ListedCallback extends CallbackRecord {
  /** How long the latest attempt took; null before the first. */
  lastAttemptDurationMs: number | null;
}

export interface ListCallbacksResult {
  callbacks: ListedCallback[];
  total: number;
}

/** Deliveries of the account matching the filters, newest first, with the total count. */
export async function listCallbacks(
  db: Database,
  accountId: string,
  filters: ListCallbacksFilters,
): Promise<ListCallbacksResult> {
  const { to } = filters;
  const where = and(
    eq(deliveries.accountId, accountId),
    filters.profileId === undefined ? undefined : eq(callbackProfiles.profileId, filters.profileId),
    filters.status === undefined ? undefined : eq(deliveries.status, filters.status),
    filters.from === undefined ? undefined : gte(deliveries.createdAt, filters.from),
    to === undefined
      ? undefined
      : to.inclusive
        ? lte(deliveries.createdAt, to.at)
        : lt(deliveries.createdAt, to.at),
  );
  const callbacks = await db
    .select({
      ...callbackRecordColumns,
      // One index probe per listed row (attempts_delivery_idx), so a page never needs N detail reads.
      lastAttemptDurationMs: sql<number | null>`(
        select a.duration_ms from ${attempts} a
         where a.delivery_id = ${deliveries.id}
         order by a.attempt_number desc limit 1)`.mapWith(Number),
    })
    .from(deliveries)
    .innerJoin(callbackProfiles, eq(callbackProfiles.id, deliveries.profileId))
    .where(where)
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(filters.limit)
    .offset(filters.offset);
  const [counted] = await db
    .select({ total: count() })
    .from(deliveries)
    .innerJoin(callbackProfiles, eq(callbackProfiles.id, deliveries.profileId))
    .where(where);
  return { callbacks, total: counted?.total ?? 0 };
}

/** Deliveries of the account among `ids` (unknown or foreign ids are left out). */
export async function findCallbacks(
  db: Database,
  accountId: string,
  ids: readonly string[],
): Promise<CallbackRecord[]> {
  const valid = ids.filter(isCallbackId);
  if (valid.length === 0) return [];
  return db
    .select(callbackRecordColumns)
    .from(deliveries)
    .innerJoin(callbackProfiles, eq(callbackProfiles.id, deliveries.profileId))
    .where(and(eq(deliveries.accountId, accountId), inArray(deliveries.id, valid)));
}

export interface CallbackWithAttempts extends CallbackRecord {
  /** In the order they were made. */
  attempts: AttemptRow[];
}

/** One delivery of the account with its attempts, or null (also for another account's id). */
export async function getCallback(
  db: Database,
  accountId: string,
  id: string,
): Promise<CallbackWithAttempts | null> {
  const [record] = await findCallbacks(db, accountId, [id]);
  if (record === undefined) return null;
  const rows = await db
    .select()
    .from(attempts)
    .where(eq(attempts.deliveryId, record.delivery.id))
    .orderBy(asc(attempts.attemptNumber), asc(attempts.id));
  return { ...record, attempts: rows };
}
