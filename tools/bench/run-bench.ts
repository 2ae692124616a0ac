// Rebound's delivery benchmark (issue 4). Run: DATABASE_URL=postgres://… pnpm bench
// Prints the raw HTTP limit of this machine and Rebound's figures as ratios to it, from one run.
import { type DbHandle, enqueueCallbacks } from "@rebound/db";
import { createTestDatabase } from "@rebound/db/testing";
import {
  countBaselineUnfinished,
  createBaselineTable,
  enqueueBaseline,
  spawnBaselineWorker,
} from "./baseline-outbox.ts";
import { type BenchFixture, createFixture, eventData } from "./bench-setup.ts";
import type { BunProcess } from "./bun-process.ts";
import { type DispatcherProcess, spawnDispatcher } from "./dispatcher-process.ts";
import { postgresCpuMs, processCpuMs } from "./process-cpu.ts";
import { rawFetch, rawUndici } from "./raw-http.ts";
import { spawnReceiver } from "./spawn-receiver.ts";

const W1_CALLBACKS = Number(process.env.BENCH_W1_CALLBACKS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const IN_FLIGHT = 64;
const PROFILES = 50;
const LATENCY_RATE_PER_SECOND = 500;
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 1_000_000);
const BASELINE =
  process.env.BENCH_BASELINE_NO_CLAIM === "1"
    ? "claim-free reference outbox (one worker, no claim writes)"
    : "hand-written SKIP LOCKED outbox";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function countDelivered(handle: DbHandle, since: Date): Promise<number> {
  const [row] = await handle.query<{ n: string }>(
    "select count(*) as n from deliveries where status = 'delivered' and created_at >= $1",
    [since.toISOString()],
  );
  return Number(row?.n ?? 0);
}

// Polled every 20 ms while the dispatcher works, so it must stay cheap: unfinished rows are
// found through the small partial indexes (a count of delivered rows scanned the whole table 50
// times a second and took a sizeable share of PostgreSQL's CPU away from the dispatcher).
async function countUnfinished(handle: DbHandle): Promise<number> {
  const [row] = await handle.query<{ n: string }>(
    "select count(*) as n from deliveries where status in ('pending', 'delivering')",
  );
  return Number(row?.n ?? 0);
}

/** Waits until nothing is pending or leased, then checks that `expected` rows were delivered. */
async function waitDelivered(handle: DbHandle, since: Date, expected: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await countUnfinished(handle)) === 0) {
      const finished = performance.now();
      const delivered = await countDelivered(handle, since);
      if (delivered < expected) throw new Error(`only ${delivered} of ${expected} delivered`);
      return finished;
    }
    await sleep(20);
  }
  throw new Error(`only ${await countDelivered(handle, since)} of ${expected} delivered in time`);
}

async function enqueue(handle: DbHandle, fixture: BenchFixture, from: number, count: number) {
  const items = Array.from({ length: count }, (_, i) => ({
    profileId: fixture.profileIds[(from + i) % fixture.profileIds.length] ?? "",
    event: "order.paid",
    data: eventData(from + i),
  }));
  const result = await enqueueCallbacks(handle.db, { accountId: fixture.accountId, items });
  if (!result.ok) throw new Error(`enqueue refused: ${JSON.stringify(result.issues[0])}`);
}

interface W1Result {
  perSecond: number;
  enqueueMs: number;
  /** CPU per callback of the dispatcher process and of all postgres processes, in µs. */
  dispatcherCpuUs: number;
  postgresCpuUs: number;
}

/** W1: N callbacks enqueued as fast as possible; first enqueue → last one recorded delivered. */
async function runW1(
  handle: DbHandle,
  fixture: BenchFixture,
  dispatcher: DispatcherProcess,
  offset: number,
): Promise<W1Result> {
  const since = new Date(Date.now() - 1000);
  const cpuBefore = { dispatcher: processCpuMs(dispatcher.pid), postgres: postgresCpuMs() };
  const started = performance.now();
  for (let sent = 0; sent < W1_CALLBACKS; sent += 1000) {
    await enqueue(handle, fixture, offset + sent, Math.min(1000, W1_CALLBACKS - sent));
  }
  const enqueueMs = performance.now() - started;
  const finished = await waitDelivered(handle, since, W1_CALLBACKS, 600_000);
  const perCallbackUs = (ms: number) => (ms * 1000) / W1_CALLBACKS;
  return {
    perSecond: W1_CALLBACKS / ((finished - started) / 1000),
    enqueueMs,
    dispatcherCpuUs: perCallbackUs(processCpuMs(dispatcher.pid) - cpuBefore.dispatcher),
    postgresCpuUs: perCallbackUs(postgresCpuMs() - cpuBefore.postgres),
  };
}

/**
 * The hand-written outbox reference (baseline-outbox.ts) on the W1 shape: the same number of
 * ~1 KB bodies enqueued in batches of 1,000, first enqueue → last one marked delivered.
 */
async function runBaseline(
  handle: DbHandle,
  worker: BunProcess,
  url: string,
  body: string,
): Promise<{ perSecond: number; workerCpuUs: number; postgresCpuUs: number }> {
  const cpuBefore = { worker: processCpuMs(worker.pid), postgres: postgresCpuMs() };
  const started = performance.now();
  for (let sent = 0; sent < W1_CALLBACKS; sent += 1000) {
    await enqueueBaseline(handle, url, body, Math.min(1000, W1_CALLBACKS - sent));
  }
  const deadline = Date.now() + 600_000;
  while ((await countBaselineUnfinished(handle)) > 0) {
    if (Date.now() > deadline) throw new Error("baseline outbox did not finish in time");
    await sleep(20);
  }
  const finished = performance.now();
  const perCallbackUs = (ms: number) => (ms * 1000) / W1_CALLBACKS;
  return {
    perSecond: W1_CALLBACKS / ((finished - started) / 1000),
    workerCpuUs: perCallbackUs(processCpuMs(worker.pid) - cpuBefore.worker),
    postgresCpuUs: perCallbackUs(postgresCpuMs() - cpuBefore.postgres),
  };
}

/** Steady trigger rate; trigger → delivered latency percentiles from the rows' timestamps. */
async function runLatency(handle: DbHandle, fixture: BenchFixture, offset: number) {
  const since = new Date();
  const tickMs = 20;
  const perTick = (LATENCY_RATE_PER_SECOND * tickMs) / 1000;
  const ticks = (LATENCY_SECONDS * 1000) / tickMs;
  const start = performance.now();
  for (let tick = 0; tick < ticks; tick += 1) {
    await enqueue(handle, fixture, offset + tick * perTick, perTick);
    const wait = start + (tick + 1) * tickMs - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await waitDelivered(handle, since, ticks * perTick, 120_000);
  const [row] = await handle.query<{ p50: number; p95: number; p99: number }>(
    `select percentile_cont(0.5) within group (order by ms) as p50,
            percentile_cont(0.95) within group (order by ms) as p95,
            percentile_cont(0.99) within group (order by ms) as p99
       from (select extract(epoch from completed_at - created_at) * 1000 as ms
               from deliveries where status = 'delivered' and created_at >= $1) t`,
    [since.toISOString()],
  );
  return row;
}

/** Peak RSS of a dispatcher working through a backlog of `BACKLOG` pending deliveries. */
async function runBacklog(handle: DbHandle, fixture: BenchFixture, databaseUrl: string) {
  const [profile] = await handle.query<{ id: string }>(
    "select id from callback_profiles where profile_id = $1",
    [fixture.profileIds[1]],
  );
  await handle.query(
    `insert into deliveries (account_id, profile_id, event, data)
       select $1, $2, 'order.paid', jsonb_build_object('order', jsonb_build_object('id', g))
         from generate_series(1, $3::int) g`,
    [fixture.accountId, profile?.id, BACKLOG],
  );
  const dispatcher = await spawnDispatcher(databaseUrl, fixture.masterKey, IN_FLIGHT);
  await sleep(20_000);
  const peak = dispatcher.peakRssMb();
  const delivered = await countDelivered(handle, new Date(0));
  await dispatcher.stop();
  return { peakRssMb: peak, deliveredWhileMeasured: delivered };
}

async function main() {
  if (!process.env.DATABASE_URL)
    throw new Error("set DATABASE_URL: the benchmark runs on PostgreSQL");
  const receiver = await spawnReceiver();
  const handle = await createTestDatabase("postgres");
  const databaseUrl = handle.config.driver === "postgres" ? handle.config.url : "";
  try {
    const fixture = await createFixture(handle, receiver.url, PROFILES);
    const sample = new TextEncoder().encode(
      JSON.stringify({ ...eventData(1), terms: "x".repeat(640) }),
    );
    const raw: { fetch: number[]; undici: number[]; w1: number[]; baseline: number[] } = {
      fetch: [],
      undici: [],
      w1: [],
      baseline: [],
    };
    const rendered = new TextDecoder().decode(sample);
    await createBaselineTable(handle);
    const cpu: { dispatcher: number[]; postgres: number[] } = { dispatcher: [], postgres: [] };
    const dispatcher = await spawnDispatcher(databaseUrl, fixture.masterKey, IN_FLIGHT);
    let offset = 0;
    for (let run = 0; run < RUNS; run += 1) {
      raw.fetch.push(
        (await rawFetch(`${receiver.url}/raw`, sample, W1_CALLBACKS, IN_FLIGHT)).perSecond,
      );
      raw.undici.push(
        (await rawUndici(`${receiver.url}/raw`, sample, W1_CALLBACKS, IN_FLIGHT)).perSecond,
      );
      const w1Run = await runW1(handle, fixture, dispatcher, offset);
      raw.w1.push(w1Run.perSecond);
      cpu.dispatcher.push(w1Run.dispatcherCpuUs);
      cpu.postgres.push(w1Run.postgresCpuUs);
      offset += W1_CALLBACKS;
      // The dispatcher idles (its queue is empty) while the reference outbox runs.
      const worker = await spawnBaselineWorker(databaseUrl, IN_FLIGHT);
      const baselineRun = await runBaseline(handle, worker, `${receiver.url}/baseline`, rendered);
      await worker.stop();
      raw.baseline.push(baselineRun.perSecond);
      console.log(
        `run ${run + 1}: raw fetch ${raw.fetch.at(-1)?.toFixed(0)}/s, raw undici ${raw.undici.at(-1)?.toFixed(0)}/s, W1 ${w1Run.perSecond.toFixed(0)}/s (enqueue ${w1Run.enqueueMs.toFixed(0)} ms; CPU per callback: dispatcher ${w1Run.dispatcherCpuUs.toFixed(0)} µs, postgres ${w1Run.postgresCpuUs.toFixed(0)} µs), ${BASELINE} ${baselineRun.perSecond.toFixed(0)}/s (CPU per callback: worker ${baselineRun.workerCpuUs.toFixed(0)} µs, postgres ${baselineRun.postgresCpuUs.toFixed(0)} µs)`,
      );
    }
    if (process.env.BENCH_ONLY_W1) {
      await dispatcher.stop();
      const limit = Math.max(median(raw.fetch), median(raw.undici));
      console.log(
        `W1 median ${median(raw.w1).toFixed(0)}/s = ${(median(raw.w1) / limit).toFixed(3)}× the raw limit; ${BASELINE} ${median(raw.baseline).toFixed(0)}/s = ${(median(raw.baseline) / limit).toFixed(3)}×`,
      );
      return;
    }
    const latency = await runLatency(handle, fixture, offset);
    await dispatcher.stop();
    const backlog = await runBacklog(handle, fixture, databaseUrl);

    const limit = Math.max(median(raw.fetch), median(raw.undici));
    const w1 = median(raw.w1);
    console.log("\nRebound delivery benchmark (medians of", RUNS, "runs)");
    console.log(
      `raw HTTP limit: Bun fetch ${median(raw.fetch).toFixed(0)}/s, undici ${median(raw.undici).toFixed(0)}/s`,
    );
    console.log(
      `W1 (${W1_CALLBACKS} callbacks, ${IN_FLIGHT} in flight, PostgreSQL): ${w1.toFixed(0)}/s = ${(w1 / limit).toFixed(3)}× the raw limit`,
    );
    const baseline = median(raw.baseline);
    console.log(
      `${BASELINE}, same shape: ${baseline.toFixed(0)}/s = ${(baseline / limit).toFixed(3)}× the raw limit`,
    );
    console.log(
      `CPU per W1 callback: dispatcher ${median(cpu.dispatcher).toFixed(0)} µs, all postgres processes ${median(cpu.postgres).toFixed(0)} µs`,
    );
    console.log(
      `latency at ${LATENCY_RATE_PER_SECOND}/s for ${LATENCY_SECONDS} s: p50 ${latency?.p50.toFixed(1)} ms, p95 ${latency?.p95.toFixed(1)} ms, p99 ${latency?.p99.toFixed(1)} ms`,
    );
    console.log(`dispatcher peak RSS with ${BACKLOG} pending: ${backlog.peakRssMb.toFixed(0)} MB`);
  } finally {
    await handle.close();
    await receiver.stop();
  }
}

await main();
