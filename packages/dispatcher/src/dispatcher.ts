import {
  DEFAULT_AUTO_DISABLE_MIN_DURATION_MS,
  DEFAULT_AUTO_DISABLE_MIN_FAILURES,
} from "@rebound/core";
import type { DbHandle, SecretBox } from "@rebound/db";
import { attemptDelivery } from "./attempt-delivery.ts";
import type { AutoDisableOptions } from "./auto-disable.ts";
import { type ClaimedDelivery, claimDeliveries } from "./claim.ts";
import type { DeliveryOutcome } from "./delivery-outcome.ts";
import { createMetricsRecorder, type DispatcherMetrics } from "./metrics.ts";
import { createOutcomeWriter } from "./outcome-writer.ts";
import { createProfileCache } from "./profile-cache.ts";
import { reclaimExpiredLeases } from "./reclaim.ts";
import { releaseLeases } from "./release.ts";
import type { Transport } from "./transport/index.ts";

/** The NOTIFY channel enqueue signals on (contract with the API's enqueue). */
export const DELIVERIES_CHANNEL = "rebound_deliveries";

export interface DispatcherOptions {
  handle: DbHandle;
  secretBox: SecretBox;
  transport: Transport;
  /** Unique per process: leases are taken and released in its name. */
  workerId: string;
  /** Deliveries in flight at once, default 64. */
  globalConcurrency?: number;
  /** Deliveries in flight at once per profile, default 8. */
  perProfileConcurrency?: number;
  /**
   * Claimed deliveries that may wait locally for a free slot, default `globalConcurrency`: the
   * next batch is claimed while the current one is in flight, so slots never wait for the
   * database. Per profile, at most `perProfileConcurrency` wait.
   */
  prefetch?: number;
  /** How long a claim holds a delivery before others may reclaim it, default 60 s. */
  leaseMs?: number;
  /** Fallback poll when no notification comes, default 1 s. */
  pollIntervalMs?: number;
  /** How often expired leases are put back, default 5 s. */
  reclaimIntervalMs?: number;
  /** Default 20 failures over at least 24 h. */
  autoDisable?: { minFailures: number; minDurationMs: number };
  /** Longest an outcome waits before being written, default 10 ms. */
  flushIntervalMs?: number;
  random?: () => number;
  now?: () => Date;
  /** Unexpected failures (database down, bugs); the dispatcher keeps running. */
  onError?: (error: unknown) => void;
}

interface Waiting {
  delivery: ClaimedDelivery;
  claimedAtMs: number;
}

export interface ShutdownOptions {
  /** How long to wait for in-flight deliveries before releasing them, default 10 s. */
  deadlineMs?: number;
}

export interface Dispatcher {
  start(): Promise<void>;
  /** Stops claiming, waits for in-flight work up to the deadline, releases the rest. Idempotent. */
  shutdown(options?: ShutdownOptions): Promise<void>;
  metrics(): DispatcherMetrics;
}

/**
 * The delivery engine: claims due deliveries (only as many as it has free concurrency), renders,
 * signs and sends them, and records outcomes in batches. Any number of dispatchers can share one
 * database.
 *
 * @example
 * const dispatcher = createDispatcher({ handle, secretBox, transport, workerId: hostname() });
 * await dispatcher.start();
 * process.once("SIGTERM", () => dispatcher.shutdown({ deadlineMs: 10_000 }));
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const globalConcurrency = options.globalConcurrency ?? 64;
  const perProfileConcurrency = options.perProfileConcurrency ?? 8;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const reclaimIntervalMs = options.reclaimIntervalMs ?? 5000;
  const autoDisable: AutoDisableOptions = options.autoDisable ?? {
    minFailures: DEFAULT_AUTO_DISABLE_MIN_FAILURES,
    minDurationMs: DEFAULT_AUTO_DISABLE_MIN_DURATION_MS,
  };
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const onError = options.onError ?? ((error: unknown) => console.error("dispatcher:", error));
  const { handle, workerId } = options;

  const prefetch = options.prefetch ?? globalConcurrency;
  // Deliveries held at once: in flight plus waiting; and the most a profile may hold.
  const capacity = globalConcurrency + prefetch;
  const perProfileHold = perProfileConcurrency + Math.min(prefetch, perProfileConcurrency);
  const minClaimBatch = Math.max(1, Math.floor(capacity / 4));
  const profiles = createProfileCache({ handle, secretBox: options.secretBox });
  const recorder = createMetricsRecorder();
  const writer = createOutcomeWriter({
    handle,
    workerId,
    autoDisable,
    now,
    onError,
    ...(options.flushIntervalMs === undefined ? {} : { flushIntervalMs: options.flushIntervalMs }),
  });
  const inFlight = new Map<string, Promise<void>>();
  const inFlightByProfile = new Map<string, number>();
  // Claimed, not started yet (oldest first), and how many each profile holds (waiting + in flight).
  let waiting: Waiting[] = [];
  const heldByProfile = new Map<string, number>();
  let state: "new" | "running" | "stopping" = "new";
  let timers: ReturnType<typeof setInterval>[] = [];
  let unlisten: (() => Promise<void>) | null = null;
  let claiming: Promise<void> | null = null;
  let claimAgain = false;
  // True when due work may be waiting for a free slot: a finished delivery then claims at once.
  let backlog = false;
  let stopping: Promise<void> | null = null;

  function requestClaim(): void {
    if (state !== "running") return;
    if (claiming !== null) {
      claimAgain = true;
      return;
    }
    claiming = (async () => {
      try {
        do {
          claimAgain = false;
          await claimWhileFull();
        } while (claimAgain && state === "running");
      } catch (error) {
        onError(error);
      } finally {
        claiming = null;
      }
    })();
  }

  // Claims batch after batch while each comes back full; bounded so one call cannot spin.
  async function claimWhileFull(): Promise<void> {
    for (let round = 0; round < 100 && state === "running"; round += 1) {
      const free = capacity - inFlight.size - waiting.length;
      // While work is held, wait until a quarter of the capacity is free before claiming: one
      // claim round trip per finished delivery would cap throughput at the database's latency.
      if (free <= 0 || (free < minClaimBatch && inFlight.size + waiting.length > 0)) {
        backlog = true;
        return;
      }
      const claimed = await claimDeliveries(handle, {
        workerId,
        limit: free,
        leaseMs,
        now: now(),
        saturatedProfileIds: saturatedProfiles(),
      });
      const overflow = await accept(claimed);
      backlog = claimed.length === free || overflow > 0;
      if (claimed.length < free) return;
    }
  }

  function saturatedProfiles(): string[] {
    return [...heldByProfile].filter(([, count]) => count >= perProfileHold).map(([id]) => id);
  }

  // Keeps what fits under the per-profile hold; hands the rest back untried. Returns how many.
  async function accept(claimed: ClaimedDelivery[]): Promise<number> {
    const excess: string[] = [];
    for (const delivery of claimed) {
      const held = heldByProfile.get(delivery.profileId) ?? 0;
      if (state !== "running" || held >= perProfileHold) {
        excess.push(delivery.id);
        continue;
      }
      heldByProfile.set(delivery.profileId, held + 1);
      waiting.push({ delivery, claimedAtMs: now().getTime() });
    }
    startWaiting();
    if (excess.length > 0) {
      await releaseLeases(handle, {
        workerId,
        now: now(),
        deliveryIds: excess,
        refundAttempt: true,
      });
    }
    return excess.length;
  }

  // Starts waiting deliveries, oldest first, while slots are free and their profile is under
  // its in-flight cap; the others keep their place. One that waited half its lease (behind a slow
  // profile) is handed back instead, so a send never starts on a lease about to expire.
  function startWaiting(): void {
    if (waiting.length === 0 || inFlight.size >= globalConcurrency || state !== "running") return;
    const kept: Waiting[] = [];
    const stale: string[] = [];
    const staleBeforeMs = now().getTime() - leaseMs / 2;
    for (const entry of waiting) {
      const { delivery } = entry;
      const running = inFlightByProfile.get(delivery.profileId) ?? 0;
      if (inFlight.size >= globalConcurrency || running >= perProfileConcurrency) {
        kept.push(entry);
      } else if (entry.claimedAtMs < staleBeforeMs) {
        decrement(heldByProfile, delivery.profileId);
        stale.push(delivery.id);
      } else launch(delivery);
    }
    waiting = kept;
    if (stale.length > 0) {
      releaseLeases(handle, { workerId, now: now(), deliveryIds: stale, refundAttempt: true })
        .then(() => requestClaim())
        .catch(onError);
    }
  }

  function launch(delivery: ClaimedDelivery): void {
    const { profileId } = delivery;
    inFlightByProfile.set(profileId, (inFlightByProfile.get(profileId) ?? 0) + 1);
    const work = deliver(delivery)
      .then((outcome) => {
        countOutcome(outcome);
        writer.add(outcome);
      })
      // Unexpected (profile cannot be loaded or opened…): the lease expires and it is retried.
      .catch(onError)
      .finally(() => {
        inFlight.delete(delivery.id);
        decrement(inFlightByProfile, profileId);
        decrement(heldByProfile, profileId);
        startWaiting();
        if (backlog) requestClaim();
      });
    inFlight.set(delivery.id, work);
  }

  async function deliver(delivery: ClaimedDelivery): Promise<DeliveryOutcome> {
    const profile = await profiles.get(delivery.profileId, delivery.profileModifiedAt);
    return attemptDelivery({ delivery, profile, transport: options.transport, now, random });
  }

  function countOutcome(outcome: DeliveryOutcome): void {
    recorder.countOutcome(outcome.outcome);
    if (outcome.outcome === "held" || outcome.outcome === "cancelled") return;
    if (outcome.attempt.errorClass !== "render")
      recorder.observeAttempt(outcome.attempt.durationMs);
  }

  // Claimed but never started: back to the queue with the claim's attempt taken back.
  async function handBackWaiting(): Promise<void> {
    const ids = waiting.map((entry) => entry.delivery.id);
    for (const entry of waiting) decrement(heldByProfile, entry.delivery.profileId);
    waiting = [];
    if (ids.length === 0) return;
    try {
      await releaseLeases(handle, { workerId, now: now(), deliveryIds: ids, refundAttempt: true });
    } catch (error) {
      // Their leases expire instead; the attempt count keeps one untried try.
      onError(error);
    }
  }

  async function reclaim(): Promise<void> {
    try {
      if ((await reclaimExpiredLeases(handle, now())) > 0) requestClaim();
    } catch (error) {
      onError(error);
    }
  }

  async function shutdown(shutdownOptions: ShutdownOptions = {}): Promise<void> {
    const deadlineMs = shutdownOptions.deadlineMs ?? 10_000;
    state = "stopping";
    for (const timer of timers) clearInterval(timer);
    timers = [];
    const stopListening = unlisten;
    unlisten = null;
    if (stopListening !== null) await stopListening();
    await claiming;
    await handBackWaiting();
    const settled = await settleWithin([...inFlight.values()], deadlineMs);
    try {
      await writer.close();
    } finally {
      try {
        // Whatever is still leased here was not recorded: back to the queue for another worker.
        await releaseLeases(handle, { workerId, now: now(), refundAttempt: false });
      } finally {
        // Past the deadline the requests still open are abandoned (their deliveries are back in
        // the queue, their outcomes no longer recorded): abort them rather than wait up to the
        // total timeout.
        await options.transport.close({ abortInFlight: !settled });
      }
    }
  }

  return {
    async start() {
      if (state !== "new") return;
      state = "running";
      unlisten = await handle.listen(DELIVERIES_CHANNEL, requestClaim);
      timers = [
        setInterval(requestClaim, pollIntervalMs),
        setInterval(() => void reclaim(), reclaimIntervalMs),
      ];
      await reclaim();
      requestClaim();
    },
    shutdown(shutdownOptions) {
      stopping ??= shutdown(shutdownOptions);
      return stopping;
    },
    metrics() {
      return recorder.snapshot(inFlight.size);
    },
  };
}

function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}

/** True when all the work settled before the deadline. */
async function settleWithin(work: Promise<void>[], deadlineMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
  });
  const settled = await Promise.race([Promise.allSettled(work).then(() => true), deadline]);
  clearTimeout(timer);
  return settled;
}
