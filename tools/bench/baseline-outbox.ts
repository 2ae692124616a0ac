// A reference point for W1: the smallest sound SKIP LOCKED outbox one would write by hand, on the
// same machine, database and receiver, in the same run. One narrow table holding the rendered
// body; a worker process claims due rows with a lease, POSTs them with Bun's fetch (64 in flight)
// and marks them done in batches. No rendering, encryption, signing, attempt history, per-profile
// caps or auto-disable: what is left is the cost of the queue itself.
//
// The parent (run-bench.ts) creates the table and enqueues; this file run as a script is the
// worker: `bun baseline-outbox.ts` with DATABASE_URL and BASELINE_IN_FLIGHT set; it runs until
// SIGTERM.
import { fileURLToPath } from "node:url";
import { createDb, type DbHandle } from "@rebound/db";
import { type BunProcess, spawnBun } from "./bun-process.ts";

const TABLE = "bench_baseline_outbox";

export async function createBaselineTable(handle: DbHandle): Promise<void> {
  await handle.query(`
    create table if not exists ${TABLE} (
      id bigserial primary key,
      url text not null,
      body text not null,
      status smallint not null default 0, -- 0 pending, 1 leased, 2 delivered
      attempts int not null default 0,
      run_at timestamptz not null default now(),
      lease_until timestamptz,
      last_status int,
      completed_at timestamptz)`);
  await handle.query(
    `create index if not exists ${TABLE}_due on ${TABLE} (run_at) where status = 0`,
  );
  // The bench polls the unfinished count every 20 ms: without this small index that poll scans
  // every delivered row, a cost that grows run after run and is the bench's, not the outbox's.
  await handle.query(
    `create index if not exists ${TABLE}_unfinished on ${TABLE} (status) where status < 2`,
  );
}

/** Inserts `count` rows of the rendered `body` for `url` in one statement. */
export async function enqueueBaseline(
  handle: DbHandle,
  url: string,
  body: string,
  count: number,
): Promise<void> {
  await handle.query(
    `insert into ${TABLE} (url, body) select $1, $2 from generate_series(1, $3::int)`,
    [url, body, count],
  );
}

export async function countBaselineUnfinished(handle: DbHandle): Promise<number> {
  const [row] = await handle.query<{ n: string }>(
    `select count(*) as n from ${TABLE} where status < 2`,
  );
  return Number(row?.n ?? 0);
}

/** Starts the worker (this file) in its own Bun process, as the dispatcher runs in its own. */
export function spawnBaselineWorker(databaseUrl: string, inFlight: number): Promise<BunProcess> {
  return spawnBun({
    args: [fileURLToPath(import.meta.url)],
    env: { DATABASE_URL: databaseUrl, BASELINE_IN_FLIGHT: String(inFlight) },
    readyText: "baseline worker running",
    startTimeoutMs: 30_000,
    killAfterMs: 10_000,
  });
}

interface Claimed extends Record<string, unknown> {
  id: string;
  url: string;
  body: string;
}

async function work(): Promise<void> {
  const url = process.env.DATABASE_URL ?? "";
  const inFlight = Number(process.env.BASELINE_IN_FLIGHT ?? 64);
  const handle = await createDb({ driver: "postgres", url, maxConnections: 4 });
  const done: { id: string; status: number }[] = [];
  let active = 0;
  let stopping = false;
  let claiming = false;
  let lastId = 0;
  const noClaim = process.env.BENCH_BASELINE_NO_CLAIM === "1";
  let flushing: Promise<void> | null = null;

  async function flush(): Promise<void> {
    const batch = done.splice(0);
    if (batch.length === 0) return;
    await handle.query(
      `update ${TABLE} o
          set status = case when u.s between 200 and 299 then 2 else 0 end,
              run_at = case when u.s between 200 and 299 then o.run_at else now() + interval '5 s' end,
              last_status = u.s, lease_until = null,
              completed_at = case when u.s between 200 and 299 then now() end
         from unnest($1::bigint[], $2::int[]) as u(id, s)
        where o.id = u.id and o.status < 2`,
      [batch.map((row) => row.id), batch.map((row) => row.status)],
    );
  }
  function scheduleFlush(): void {
    if (flushing !== null) return;
    flushing = (async () => {
      while (done.length > 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        await flush().catch((error) => console.error("baseline flush:", error));
      }
      flushing = null;
    })();
  }

  async function send(row: Claimed): Promise<void> {
    let status = 0;
    try {
      const response = await fetch(row.url, {
        method: "POST",
        body: row.body,
        headers: { "content-type": "application/json" },
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 0;
    }
    done.push({ id: row.id, status });
    scheduleFlush();
  }

  async function claim(): Promise<void> {
    if (claiming || stopping) return;
    claiming = true;
    try {
      for (;;) {
        const free = inFlight - active;
        if (free < inFlight / 4) return;
        // BENCH_BASELINE_NO_CLAIM=1: read rows without claiming them, walking the ids once. Safe
        // only for one worker that never crashes and never retries: an upper bound of what any
        // claim-free design could gain, not a design.
        const rows = noClaim
          ? await handle.query<Claimed>(
              `select id, url, body from ${TABLE} where status = 0 and id > $2 order by id limit $1`,
              [free, lastId],
            )
          : await handle.query<Claimed>(
              `update ${TABLE} set status = 1, attempts = attempts + 1,
                  lease_until = now() + interval '60 s'
            where id in (select id from ${TABLE} where status = 0 and run_at <= now()
                          order by run_at limit $1 for update skip locked)
            returning id, url, body`,
              [free],
            );
        for (const row of rows) lastId = Math.max(lastId, Number(row.id));
        for (const row of rows) {
          active += 1;
          void send(row).finally(() => {
            active -= 1;
            void claim();
          });
        }
        if (rows.length < free) return;
      }
    } finally {
      claiming = false;
    }
  }

  const poll = setInterval(() => void claim(), 5);
  process.once("SIGTERM", () => {
    stopping = true;
    clearInterval(poll);
    void (async () => {
      while (active > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await flushing;
      await flush();
      await handle.close();
      process.exit(0);
    })();
  });
  console.log("baseline worker running");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await work();
