import type { TargetPlan } from "./target-plan.ts";
import type { Pool } from "./undici.ts";

/** A target origin: refused once and for all, or served by its connection pool. */
export type OriginEntry =
  | { plan: Extract<TargetPlan, { kind: "refuse" }>; pool: null; lastUsedMs: number }
  | { plan: Exclude<TargetPlan, { kind: "refuse" }>; pool: Pool; lastUsedMs: number };

export interface OriginPoolsOptions {
  /** Builds the entry for an origin seen for the first time (or again after going idle). */
  open(origin: string): OriginEntry;
  /** Entries unused for this long are dropped and their pools closed. */
  idleTimeoutMs: number;
}

/** Origin → pool map with idle eviction, so a fleet of one-off targets does not keep sockets. */
export class OriginPools {
  readonly #entries = new Map<string, OriginEntry>();
  readonly #options: OriginPoolsOptions;

  constructor(options: OriginPoolsOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(origin: string, nowMs: number): OriginEntry {
    let entry = this.#entries.get(origin);
    if (entry === undefined) {
      entry = this.#options.open(origin);
      this.#entries.set(origin, entry);
    }
    entry.lastUsedMs = nowMs;
    return entry;
  }

  /** Closes pools idle for longer than `idleTimeoutMs` (gracefully: queued requests still run). */
  sweep(nowMs: number): void {
    for (const [origin, entry] of this.#entries) {
      if (nowMs - entry.lastUsedMs <= this.#options.idleTimeoutMs) continue;
      this.#entries.delete(origin);
      entry.pool?.close().catch(ignoreAlreadyClosed);
    }
  }

  /** Closes every pool: gracefully, or at once with `abort` (requests in flight fail). */
  async close(abort = false): Promise<void> {
    const pools: Pool[] = [];
    for (const entry of this.#entries.values()) if (entry.pool !== null) pools.push(entry.pool);
    this.#entries.clear();
    await Promise.all(
      pools.map((pool) => (abort ? pool.destroy() : pool.close()).catch(ignoreAlreadyClosed)),
    );
  }
}

/** `Pool.close()`/`destroy()` only reject when the pool is already closed or destroyed. */
function ignoreAlreadyClosed(): void {}
