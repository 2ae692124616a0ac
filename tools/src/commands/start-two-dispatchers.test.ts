// End to end with real Bun processes on PostgreSQL: one `--role api` process and two
// `--role dispatcher` processes share the queue; every callback is delivered exactly once between
// them (counted at the receiver by webhook-id), none is lost, and both dispatchers take part.
import { type DbHandle, generateMasterKey } from "@rebound/db";
import { createTestDatabase } from "@rebound/db/testing";
import { webhookId } from "@rebound/dispatcher";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountApi } from "../testing/account-api.ts";
import { callApi } from "../testing/api-client.ts";
import { type RunningRebound, runRebound, startRebound } from "../testing/rebound-process.ts";
import { type Receiver, startReceiver } from "../testing/receiver.ts";
import { waitFor } from "../testing/wait-for.ts";

const CALLBACKS = 300;
const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) {
  console.warn("DATABASE_URL is not set: the two-dispatcher test (PostgreSQL) is SKIPPED");
}

/** `rebound_deliveries_total{outcome="delivered"}` of one process's /metrics. */
async function deliveredBy(dispatcher: RunningRebound): Promise<number> {
  const response = await fetch(`${dispatcher.url}/metrics`, {
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  const match = /^rebound_deliveries_total\{outcome="delivered"\} (\d+)$/m.exec(text);
  if (match?.[1] === undefined) throw new Error(`no delivered counter in:\n${text}`);
  return Number(match[1]);
}

describe.runIf(hasPostgres)(
  "two dispatchers and an API process (PostgreSQL, Bun processes)",
  () => {
    let receiver: Receiver;
    let database: DbHandle | undefined;
    let env: Record<string, string> = {};
    const processes: RunningRebound[] = [];

    beforeAll(async () => {
      // A short wait keeps several deliveries in flight in each dispatcher at once.
      receiver = await startReceiver(() => ({ status: 200, delayMs: 50 }));
      database = await createTestDatabase("postgres");
      if (database.config.driver !== "postgres") throw new Error("expected a PostgreSQL database");
      env = {
        DATABASE_URL: database.config.url,
        REBOUND_MASTER_KEY: generateMasterKey(),
        REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8",
        REBOUND_CONCURRENCY: "16",
        REBOUND_PROFILE_CONCURRENCY: "16",
      };
    });

    afterAll(async () => {
      for (const running of processes) running.kill();
      await receiver?.close();
      await database?.close();
    });

    it(`delivers ${CALLBACKS} callbacks exactly once between two dispatchers`, async () => {
      const account = runRebound(["account", "create", "--name", "Fan out", "--json"], env);
      expect(account.code).toBe(0);
      const { sid, api_key: apiKey } = JSON.parse(account.stdout) as {
        sid: string;
        api_key: string;
      };
      const started = await Promise.all([
        startRebound(["--role", "api", "--port", "0"], env),
        startRebound(["--role", "dispatcher", "--port", "0"], env),
        startRebound(["--role", "dispatcher", "--port", "0"], env),
      ]);
      processes.push(...started);
      const [apiProcess, ...dispatchers] = started;
      if (apiProcess === undefined) throw new Error("no API process");
      const api = accountApi(apiProcess.url, { sid, apiKey });

      const profileId = await api.createProfile({
        title: "Fan out",
        http_method: "POST",
        url: `${receiver.url}/fan-out`,
        body: { n: "<n>" },
      });
      const accepted = await api.triggerBatch(
        profileId,
        Array.from({ length: CALLBACKS }, (_, n) => ({ n })),
      );
      expect(accepted).toHaveLength(CALLBACKS);

      await waitFor(async () => {
        const { body } = await callApi(
          `${api.base}/callbacks?profile_id=${profileId}&status=delivered&limit=1`,
          apiKey,
        );
        return body.data.total === CALLBACKS;
      }, `all ${CALLBACKS} callbacks to be delivered`);

      const arrivals = new Map<string, number>();
      for (const request of receiver.requests) {
        const id = request.headers["webhook-id"] ?? "";
        arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
      }
      expect([...arrivals.values()].filter((count) => count > 1)).toEqual([]);
      expect(new Set(arrivals.keys())).toEqual(new Set(accepted.map(({ id }) => webhookId(id))));
      const [tries] = await (database as DbHandle).query<{ deliveries: number; attempts: number }>(
        `select count(*)::int as deliveries,
              (select count(*)::int from attempts) as attempts
         from deliveries where status = 'delivered' and attempt_count = 1`,
      );
      expect(tries).toEqual({ deliveries: CALLBACKS, attempts: CALLBACKS });

      const perDispatcher = await Promise.all(dispatchers.map(deliveredBy));
      expect(perDispatcher.reduce((sum, count) => sum + count, 0)).toBe(CALLBACKS);
      for (const count of perDispatcher) expect(count).toBeGreaterThan(0);

      for (const running of started) expect(await running.stop("SIGTERM")).toBe(0);
    });
  },
);
