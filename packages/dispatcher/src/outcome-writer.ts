import type { DbHandle } from "@rebound/db";
import type { AutoDisableOptions } from "./auto-disable.ts";
import type { DeliveryOutcome } from "./delivery-outcome.ts";
import { recordOutcomes } from "./record-outcomes.ts";

export interface OutcomeWriterOptions {
  handle: DbHandle;
  workerId: string;
  autoDisable: AutoDisableOptions;
  now: () => Date;
  /** Longest an outcome waits in the buffer, default 10 ms. */
  flushIntervalMs?: number;
  /** Outcomes per flush; a full buffer flushes at once. Default 200. */
  maxBatchSize?: number;
  /** Wait before retrying a failed flush, default 1000 ms. */
  retryDelayMs?: number;
  onError: (error: unknown) => void;
}

export interface OutcomeWriter {
  add(outcome: DeliveryOutcome): void;
  /** Writes everything buffered so far. */
  flush(): Promise<void>;
  /** Stops taking outcomes and writes the rest; rejects if they cannot be written. */
  close(): Promise<void>;
  readonly buffered: number;
}

/**
 * Buffers delivery outcomes and records them in batches (see recordOutcomes), so the cost per
 * delivery is a share of two statements rather than a round trip per row. A failed flush keeps
 * its outcomes for the next one: until written, the rows stay leased, and a lease that expires
 * meanwhile sends the callback again (at-least-once) rather than losing it.
 */
export function createOutcomeWriter(options: OutcomeWriterOptions): OutcomeWriter {
  const flushIntervalMs = options.flushIntervalMs ?? 10;
  const maxBatchSize = options.maxBatchSize ?? 200;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  let buffer: DeliveryOutcome[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;

  function schedule(delayMs: number): void {
    if (timer !== null || closed) return;
    timer = setTimeout(() => {
      timer = null;
      flush().catch(() => {});
    }, delayMs);
  }

  async function writeBatch(): Promise<void> {
    const batch = buffer.slice(0, maxBatchSize);
    if (batch.length === 0) return;
    buffer = buffer.slice(batch.length);
    try {
      await recordOutcomes(options.handle.db, batch, {
        workerId: options.workerId,
        autoDisable: options.autoDisable,
        now: options.now(),
      });
    } catch (error) {
      buffer = [...batch, ...buffer];
      throw error;
    }
  }

  function flush(): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    const run = writing.then(async () => {
      try {
        while (buffer.length > 0) await writeBatch();
      } catch (error) {
        options.onError(error);
        schedule(retryDelayMs);
        throw error;
      }
    });
    writing = run.catch(() => {});
    return run;
  }

  return {
    add(outcome) {
      if (closed) return;
      buffer.push(outcome);
      if (buffer.length >= maxBatchSize) flush().catch(() => {});
      else schedule(flushIntervalMs);
    },
    flush,
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await flush();
    },
    get buffered() {
      return buffer.length;
    },
  };
}
