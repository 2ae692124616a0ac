import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../create-db.ts";
import { rowsOf } from "../result-rows.ts";
import {
  type CallbackProfileRow,
  callbackProfiles,
  type DeliveryStatus,
  deliveries,
  type NewDeliveryRow,
} from "../schema/index.ts";
import { checkEnqueueItem, type EnqueueIssue } from "./enqueue-checks.ts";
import { notifyDeliveries } from "./notify.ts";

/** Most events one call may enqueue (the API's batch limit). */
export const MAX_ENQUEUE_ITEMS = 1000;

export interface EnqueueCallbackItem {
  /** Public profile id `<prefix>_<uuid>` of a profile of the account. */
  profileId: string;
  event: string;
  /** Event data: a JSON object. */
  data: unknown;
  /** A repeated key (per account) returns the first delivery instead of creating another. */
  idempotencyKey?: string | null;
}

export interface EnqueueCallbacksInput {
  accountId: string;
  items: readonly EnqueueCallbackItem[];
  /** Creation and first attempt time; default: the database's clock. */
  now?: Date;
}

/** One accepted event, as the API returns it. */
export interface EnqueuedCallback {
  id: string;
  profile_id: string;
  event: string;
  status: DeliveryStatus;
  /** True when an earlier delivery with the same idempotency key was returned instead. */
  duplicate: boolean;
}

export type EnqueueCallbacksResult =
  | { ok: true; callbacks: EnqueuedCallback[] }
  | { ok: false; issues: EnqueueIssue[] };

/** Deliveries already created for some of the keys, by key. */
type ExistingByKey = Map<string, EnqueuedCallback>;

/**
 * Records events as deliveries, all or nothing, in one short transaction that also notifies the
 * dispatcher (`rebound_deliveries`). Each item needs a live profile of the account that is not
 * disabled (status 3) and allows the event; when any item fails a check, nothing is written and
 * the issues are returned by item index. A profile that is auto-disabled (2) gets its deliveries
 * `held`. An idempotency key seen before (also earlier in the same batch) returns the existing
 * delivery, `duplicate: true`, and is not checked again.
 *
 * @example
 * const result = await enqueueCallbacks(db, {
 *   accountId,
 *   items: [{ profileId: "IN_…", event: "SMS-sent", data: { to: "+4912345" }, idempotencyKey: "m-1" }],
 * });
 * if (result.ok) console.log(result.callbacks[0]?.id);
 */
export async function enqueueCallbacks(
  db: Database,
  input: EnqueueCallbacksInput,
): Promise<EnqueueCallbacksResult> {
  if (input.items.length > MAX_ENQUEUE_ITEMS) {
    throw new RangeError(`at most ${MAX_ENQUEUE_ITEMS} callbacks can be enqueued at once`);
  }
  if (input.items.length === 0) return { ok: true, callbacks: [] };
  return db.transaction(async (tx) => {
    const existing = await findByKeys(tx, input.accountId, keysOf(input.items));
    const fresh = input.items.filter((item) => existingFor(item, existing) === undefined);
    const profiles = await findProfiles(
      tx,
      input.accountId,
      fresh.map((item) => item.profileId),
    );
    const issues = input.items.flatMap((item, index) =>
      existingFor(item, existing) === undefined
        ? checkEnqueueItem(item, index, profiles.get(item.profileId))
        : [],
    );
    if (issues.length > 0) return { ok: false, issues };

    const planned = plan(input, existing, profiles);
    const rows = planned.flatMap((entry) => (entry.row === undefined ? [] : [entry.row]));
    const inserted = await insertRows(tx, rows);
    if (inserted.size < rows.length) {
      // Another transaction committed some of the keys first: return its deliveries.
      const raced = await findByKeys(tx, input.accountId, keysOf(input.items));
      for (const [key, callback] of raced) existing.set(key, callback);
    }
    if (inserted.size > 0) await notifyDeliveries(tx);
    return { ok: true, callbacks: planned.map((entry) => resolve(entry, inserted, existing)) };
  });
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

interface PlannedItem {
  callback: EnqueuedCallback;
  key: string | null;
  /** The row to insert; absent for duplicates. */
  row?: NewDeliveryRow;
}

function keysOf(items: readonly EnqueueCallbackItem[]): string[] {
  const keys = items.flatMap((item) => (item.idempotencyKey ? [item.idempotencyKey] : []));
  return [...new Set(keys)];
}

function existingFor(
  item: EnqueueCallbackItem,
  existing: ExistingByKey,
): EnqueuedCallback | undefined {
  return item.idempotencyKey ? existing.get(item.idempotencyKey) : undefined;
}

async function findByKeys(tx: Tx, accountId: string, keys: string[]): Promise<ExistingByKey> {
  if (keys.length === 0) return new Map();
  const rows = await tx
    .select({
      key: deliveries.idempotencyKey,
      id: deliveries.id,
      profileId: callbackProfiles.profileId,
      event: deliveries.event,
      status: deliveries.status,
    })
    .from(deliveries)
    .innerJoin(callbackProfiles, eq(callbackProfiles.id, deliveries.profileId))
    .where(and(eq(deliveries.accountId, accountId), inArray(deliveries.idempotencyKey, keys)));
  return new Map(
    rows.map((row) => [
      row.key ?? "",
      {
        id: row.id,
        profile_id: row.profileId,
        event: row.event,
        status: row.status,
        duplicate: true,
      },
    ]),
  );
}

async function findProfiles(
  tx: Tx,
  accountId: string,
  profileIds: string[],
): Promise<Map<string, CallbackProfileRow>> {
  const unique = [...new Set(profileIds)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(callbackProfiles)
    .where(
      and(
        eq(callbackProfiles.accountId, accountId),
        inArray(callbackProfiles.profileId, unique),
        isNull(callbackProfiles.deletedAt),
      ),
    );
  return new Map(rows.map((row) => [row.profileId, row]));
}

/** Decides per item: a new row, or the delivery an earlier key (stored or in this batch) made. */
function plan(
  input: EnqueueCallbacksInput,
  existing: ExistingByKey,
  profiles: Map<string, CallbackProfileRow>,
): PlannedItem[] {
  const inBatch = new Map<string, EnqueuedCallback>();
  return input.items.map((item) => {
    const key = item.idempotencyKey || null;
    const earlier = key === null ? undefined : (existing.get(key) ?? inBatch.get(key));
    if (earlier !== undefined) return { key, callback: { ...earlier, duplicate: true } };
    const profile = profiles.get(item.profileId);
    if (profile === undefined) throw new Error(`profile ${item.profileId} vanished after checks`);
    const status: DeliveryStatus = profile.status === 2 ? "held" : "pending";
    const id = randomUUID();
    const callback = {
      id,
      profile_id: item.profileId,
      event: item.event,
      status,
      duplicate: false,
    };
    if (key !== null) inBatch.set(key, callback);
    const times = input.now === undefined ? {} : { createdAt: input.now, modifiedAt: input.now };
    const row: NewDeliveryRow = {
      id,
      accountId: input.accountId,
      profileId: profile.id,
      event: item.event,
      data: item.data,
      idempotencyKey: key,
      status,
      ...times,
      ...(input.now === undefined ? {} : { nextAttemptAt: input.now }),
    };
    return { key, callback, row };
  });
}

// The rows travel as one JSON parameter (not 8 bound values per row): building and parsing
// a 1000-row multi-VALUES statement cost more than the insert itself.
async function insertRows(tx: Tx, rows: NewDeliveryRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const json = JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      account_id: row.accountId,
      profile_id: row.profileId,
      event: row.event,
      // Wrapped, so that JSON null data stays a jsonb null instead of becoming SQL NULL.
      data: { v: row.data },
      idempotency_key: row.idempotencyKey ?? null,
      status: row.status,
      at: row.createdAt ?? null,
    })),
  );
  const inserted = rowsOf<{ id: string }>(
    await tx.execute(sql`
      insert into deliveries (id, account_id, profile_id, event, data, idempotency_key, status,
                              created_at, modified_at, next_attempt_at)
      select r.id, r.account_id, r.profile_id, r.event, r.data -> 'v', r.idempotency_key,
             r.status, coalesce(r.at, now()), coalesce(r.at, now()), coalesce(r.at, now())
        from jsonb_to_recordset(${json}::jsonb) as r(id uuid, account_id uuid, profile_id uuid,
             event text, data jsonb, idempotency_key text, status delivery_status,
             at timestamptz)
      on conflict (account_id, idempotency_key) where idempotency_key is not null do nothing
      returning id`),
  );
  return new Set(inserted.map((row) => row.id));
}

/**
 * The item's own callback when its row (or, for a repeat within the batch, the first item's row)
 * was inserted; otherwise the delivery stored under its key, by an earlier call or a racing one.
 */
function resolve(
  entry: PlannedItem,
  inserted: Set<string>,
  existing: ExistingByKey,
): EnqueuedCallback {
  if (inserted.has(entry.callback.id)) return entry.callback;
  const stored = entry.key === null ? undefined : existing.get(entry.key);
  if (stored === undefined) throw new Error(`delivery ${entry.callback.id} was not inserted`);
  return stored;
}
