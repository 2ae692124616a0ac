import type { DbHandle } from "@rebound/db";
import { createTestDatabase } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AUTO_DISABLED_SQL,
  aggregateReport,
  FAILURE_REASONS_SQL,
  PROFILE_COUNTS_SQL,
} from "./report-aggregate.ts";

const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) console.warn("DATABASE_URL is not set: report query plan test is SKIPPED");

const ROWS = 200_000;
const ACCOUNTS = 10;
const PROFILES_PER_ACCOUNT = 1_000;
// One finished delivery every 13 s from 1 January 2026: the rows span about 30 days.
const FIRST_COMPLETION = "2026-01-01T00:00:00Z";
const STEP_SECONDS = 13;

/**
 * 10 accounts × 1000 profiles; deliveries round-robin over the profiles, 10 % pending, 10 % failed
 * (alternately HTTP 503 and a timeout).
 */
async function seedVolume(handle: DbHandle): Promise<string> {
  await handle.query(
    `insert into accounts (sid, name)
     select 'ACplan' || a, 'Plan company ' || a from generate_series(1, $1::int) a`,
    [ACCOUNTS],
  );
  await handle.query(
    `insert into callback_profiles
       (profile_id, account_id, title, http_method, url, signing_secret_sealed)
     select 'plan_' || gen_random_uuid(), acc.id, 'profile ' || p, 'POST', 'http://127.0.0.1:1/', 'sealed'
       from accounts acc, generate_series(1, $1::int) p`,
    [PROFILES_PER_ACCOUNT],
  );
  await handle.query(
    `with ps as (select array_agg(id order by id) as ids, array_agg(account_id order by id) as accs
                   from callback_profiles)
     insert into deliveries
       (account_id, profile_id, event, data, status, attempt_count, completed_at, last_status_code)
     select ps.accs[1 + g % cardinality(ps.ids)], ps.ids[1 + g % cardinality(ps.ids)],
            'SMS-sent', '{}'::jsonb,
            (case g % 10 when 0 then 'pending' when 1 then 'failed' else 'delivered' end)::delivery_status,
            case g % 10 when 0 then 0 else 1 end,
            case when g % 10 = 0 then null
                 else $2::timestamptz + g * make_interval(secs => $3::int) end,
            case when g % 10 <> 1 then 200
                 when (g / cardinality(ps.ids)) % 2 = 0 then 503 end
       from generate_series(1, $1::int) g, ps`,
    [ROWS, FIRST_COMPLETION, STEP_SECONDS],
  );
  await handle.query(
    `insert into attempts (delivery_id, attempt_number, started_at, duration_ms, error_class)
     select id, 1, completed_at, 15000, 'timeout' from deliveries
      where status = 'failed' and last_status_code is null`,
  );
  // Fresh statistics and visibility map, as autovacuum keeps them on a live table.
  for (const table of ["accounts", "callback_profiles", "deliveries", "attempts"]) {
    await handle.query(`vacuum analyze ${table}`);
  }
  const [row] = await handle.query<{ id: string }>("select id from accounts order by sid limit 1");
  if (row === undefined) throw new Error("no account seeded");
  return row.id;
}

async function plan(handle: DbHandle, text: string, params: unknown[]): Promise<string> {
  const rows = await handle.query<{ "QUERY PLAN": string }>(`explain ${text}`, params);
  const lines = rows.map((row) => row["QUERY PLAN"]).join("\n");
  if (process.env.REBOUND_PRINT_PLANS) {
    const analysed = await handle.query<{ "QUERY PLAN": string }>(
      `explain (analyze, buffers, costs off) ${text}`,
      params,
    );
    console.log(analysed.map((row) => row["QUERY PLAN"]).join("\n"));
  }
  return lines;
}

describe.runIf(hasPostgres)(`report aggregation plans over ${ROWS} deliveries (PostgreSQL)`, () => {
  let handle: DbHandle;
  let accountId: string;
  beforeAll(async () => {
    handle = await createTestDatabase("postgres");
    accountId = await seedVolume(handle);
  }, 120_000);
  afterAll(() => handle?.close());

  const daily = ["2026-01-15T17:00:00Z", "2026-01-16T17:00:00Z"];
  const monthly = ["2025-12-25T17:00:00Z", "2026-01-25T17:00:00Z"];

  it.each([
    ["a daily", daily],
    ["a monthly", monthly],
  ])("counts %s window per profile with an index-only scan and no Seq Scan", async (_, range) => {
    const text = await plan(handle, PROFILE_COUNTS_SQL, [accountId, ...range]);
    expect(text, text).toMatch(
      /Index Only Scan using deliveries_account_completed_idx on deliveries/,
    );
    expect(text, text).not.toMatch(/Seq Scan on (deliveries|callback_profiles)/);
  });

  it("finds failure reasons through the same index and attempts by delivery", async () => {
    const text = await plan(handle, FAILURE_REASONS_SQL, [accountId, ...daily, 5]);
    expect(text, text).toMatch(
      /Index Scan on deliveries_account_completed_idx|Index Scan using deliveries_account_completed_idx on deliveries/,
    );
    expect(text, text).toMatch(/Index Scan (Backward )?using attempts_delivery_idx on attempts/);
    expect(text, text).not.toMatch(/Seq Scan on (deliveries|attempts)/);
  });

  it("reads auto-disabled profiles by account, not by scanning every profile", async () => {
    const text = await plan(handle, AUTO_DISABLED_SQL, [accountId, ...daily]);
    expect(text, text).not.toMatch(/Seq Scan on callback_profiles/);
  });

  it("agrees with a plain count over the same rows", async () => {
    const [start, end] = daily.map((iso) => new Date(iso));
    if (!start || !end) throw new Error("bad window");
    const report = await aggregateReport(handle, accountId, { start, end });
    const [expected] = await handle.query<{ delivered: number; failed: number }>(
      `select count(*) filter (where status = 'delivered')::int as delivered,
              count(*) filter (where status = 'failed')::int as failed
         from deliveries
        where account_id = $1 and completed_at >= $2 and completed_at < $3`,
      [accountId, ...daily],
    );
    // 86 400 s / 13 s ≈ 6646 completions a day, a tenth of them this account's, 9 in 10 finished.
    expect(report.delivered + report.failed).toBeGreaterThan(500);
    expect({ delivered: report.delivered, failed: report.failed }).toEqual(expected);
    expect(report.failureReasons.map((reason) => reason.label).sort()).toEqual([
      "HTTP 503",
      "timeout",
    ]);
  });
});
