// At-least-once under crashes, end to end with real Bun processes on PostgreSQL: a dispatcher
// killed with SIGKILL mid-run loses nothing (its leases expire and another process delivers the
// rest), and SIGTERM leaves no callback leased.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type DbHandle, generateMasterKey } from "@rebound/db";
import { createTestDatabase } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi } from "../testing/api-client.ts";
import { type RunningRebound, runRebound, startRebound } from "../testing/rebound-process.ts";

const CALLBACKS = 200;
const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) console.warn("DATABASE_URL is not set: the crash test (PostgreSQL) is SKIPPED");

async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.runIf(hasPostgres)("dispatcher crash and restart (PostgreSQL, Bun processes)", () => {
  const seen = new Map<string, number>();
  let receiver: Server;
  let receiverUrl = "";
  let database: DbHandle;
  let env: Record<string, string> = {};
  const processes: RunningRebound[] = [];

  const statusCounts = async () => {
    const rows = await database.query<{ status: string; n: string }>(
      "select status::text, count(*) as n from deliveries group by 1",
    );
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  };

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const id = String(request.headers["webhook-id"]);
      request.resume().on("end", () => {
        seen.set(id, (seen.get(id) ?? 0) + 1);
        // Slow enough that a run is still in flight when it is killed.
        setTimeout(() => response.end("ok"), 150);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    database = await createTestDatabase("postgres");
    const url = database.config.driver === "postgres" ? database.config.url : "";
    env = {
      DATABASE_URL: url,
      REBOUND_MASTER_KEY: generateMasterKey(),
      REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8",
      REBOUND_LEASE_MS: "3000",
      REBOUND_CONCURRENCY: "16",
    };
  });

  afterAll(async () => {
    for (const running of processes) running.kill();
    await new Promise((resolve) => receiver.close(resolve));
    await database?.close();
  });

  it("delivers every callback after SIGKILL mid-run, and SIGTERM leaves nothing leased", async () => {
    const account = runRebound(["account", "create", "--name", "Crash", "--json"], env);
    expect(account.code).toBe(0);
    const { sid, api_key: apiKey } = JSON.parse(account.stdout) as { sid: string; api_key: string };

    const first = await startRebound(["--port", "0"], env);
    processes.push(first);
    const base = `${first.url}/v1/${sid}`;
    const created = await callApi(`${base}/callback/profiles`, apiKey, {
      method: "POST",
      body: {
        title: "Crash test",
        http_method: "POST",
        url: `${receiverUrl}/in`,
        body: { n: "<n>" },
      },
    });
    expect(created.status).toBe(201);
    const events = Array.from({ length: CALLBACKS }, (_, n) => ({
      profile_id: created.body.data.profile_id,
      event: "tick",
      data: { n },
    }));
    const trigger = await callApi(`${base}/callbacks`, apiKey, {
      method: "POST",
      body: { events },
    });
    expect(trigger.status).toBe(202);

    await waitFor(() => seen.size >= 20, "the first deliveries");
    first.kill(); // SIGKILL: no shutdown, leases stay taken
    const afterKill = await statusCounts();
    expect(afterKill.delivered ?? 0).toBeLessThan(CALLBACKS);

    const second = await startRebound(["--port", "0"], env);
    processes.push(second);
    await waitFor(async () => (await statusCounts()).delivered === CALLBACKS, "every delivery");
    expect(seen.size).toBe(CALLBACKS);
    // At-least-once: a callback in flight at the kill may arrive twice, never zero times.
    const duplicates = [...seen.values()].filter((count) => count > 1).length;
    expect(duplicates).toBeLessThanOrEqual(16);

    // SIGTERM while new work is in flight: exit 0 and nothing left leased.
    const more = await callApi(`${second.url}/v1/${sid}/callbacks`, apiKey, {
      method: "POST",
      body: { events: events.slice(0, 40) },
    });
    expect(more.status).toBe(202);
    await waitFor(() => seen.size >= CALLBACKS + 5, "the second batch to start");
    expect(await second.stop("SIGTERM")).toBe(0);
    const afterStop = await statusCounts();
    expect(afterStop.delivering ?? 0).toBe(0);
    expect((afterStop.delivered ?? 0) + (afterStop.pending ?? 0)).toBe(CALLBACKS + 40);
  });
});
