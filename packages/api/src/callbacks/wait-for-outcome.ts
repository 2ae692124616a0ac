import type { CallbackRecord, Database, DeliveryStatus } from "@rebound/db";
import { findCallbacks } from "@rebound/db";

/** Statuses after which nothing more happens to a delivery (until someone retries it). */
export const FINAL_STATUSES: readonly DeliveryStatus[] = ["delivered", "failed", "cancelled"];

export const DEFAULT_POLL_INTERVAL_MS = 25;

export interface WaitForOutcomeOptions {
  accountId: string;
  ids: readonly string[];
  waitMs: number;
  pollIntervalMs?: number;
  /** Stops waiting early, e.g. when the client goes away. */
  signal?: AbortSignal;
}

export interface WaitForOutcomeResult {
  /** True when every delivery reached a final status in time. */
  finished: boolean;
  callbacks: CallbackRecord[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls the deliveries until all are final or `waitMs` has passed (bounded: at most
 * `waitMs / pollIntervalMs + 1` reads). Returns the last read, in the order of `ids`.
 */
export async function waitForOutcome(
  db: Database,
  options: WaitForOutcomeOptions,
): Promise<WaitForOutcomeResult> {
  const interval = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const deadline = performance.now() + options.waitMs;
  const maxReads = Math.ceil(options.waitMs / interval) + 1;
  let callbacks: CallbackRecord[] = [];
  for (let read = 1; ; read += 1) {
    callbacks = ordered(await findCallbacks(db, options.accountId, options.ids), options.ids);
    const finished = callbacks.every((record) => FINAL_STATUSES.includes(record.delivery.status));
    const remainingMs = deadline - performance.now();
    if (finished || remainingMs <= 0 || read >= maxReads || options.signal?.aborted) {
      return { finished, callbacks };
    }
    await sleep(Math.min(interval, remainingMs));
  }
}

function ordered(records: CallbackRecord[], ids: readonly string[]): CallbackRecord[] {
  const byId = new Map(records.map((record) => [record.delivery.id, record]));
  return [...new Set(ids)].flatMap((id) => {
    const record = byId.get(id);
    return record === undefined ? [] : [record];
  });
}
