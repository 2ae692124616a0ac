// End to end under Bun (embedded PGlite): SIGTERM while slow deliveries (the receiver answers
// after 1 s) are in flight lets them finish and records them delivered, exactly once; callbacks
// not yet started stay pending with no try counted, and nothing is left leased. (The PostgreSQL
// crash test checks that SIGTERM leaves nothing leased under load; this one checks what becomes
// of the deliveries that were in flight.)
import type { DbHandle } from "@rebound/db";
import { webhookId } from "@rebound/dispatcher";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type EmbeddedRebound,
  openStoppedDataDir,
  removeDataDir,
  startEmbedded,
  tempDataDir,
} from "../testing/embedded-rebound.ts";
import { type Receiver, startReceiver } from "../testing/receiver.ts";
import { waitFor } from "../testing/wait-for.ts";

const IN_FLIGHT = 6;
const CALLBACKS = 10;

interface DeliveryRow extends Record<string, unknown> {
  id: string;
  status: string;
  attempt_count: number;
  leased_by: string | null;
  lease_expires_at: Date | null;
  attempts: number;
}

describe("SIGTERM drains in-flight deliveries (embedded, under Bun)", () => {
  const dataDir = tempDataDir("drain");
  let receiver: Receiver;
  let running: EmbeddedRebound | undefined;
  let database: DbHandle | undefined;

  beforeAll(async () => {
    receiver = await startReceiver(() => ({ status: 200, delayMs: 1000 }));
    running = await startEmbedded(dataDir, {
      REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8",
      // One profile gets this many in flight, so the rest of the batch waits its turn.
      REBOUND_PROFILE_CONCURRENCY: String(IN_FLIGHT),
    });
  });

  afterAll(async () => {
    running?.rebound.kill();
    await database?.close();
    await receiver?.close();
    removeDataDir(dataDir);
  });

  it("finishes what is in flight, keeps the rest pending and leaves nothing leased", async () => {
    const { api, rebound } = running as EmbeddedRebound;
    const profileId = await api.createProfile({
      title: "Slow receiver",
      http_method: "POST",
      url: `${receiver.url}/slow`,
      body: { n: "<n>" },
    });
    const accepted = await api.triggerBatch(
      profileId,
      Array.from({ length: CALLBACKS }, (_, n) => ({ n })),
    );
    await waitFor(() => receiver.requests.length >= IN_FLIGHT, "the first deliveries to arrive");

    const signalledAtMs = Date.now();
    expect(await rebound.stop("SIGTERM")).toBe(0);

    // The shutdown waited for replies that came after the signal.
    const repliedAfterSignal = receiver.requests.filter(
      (request) => (request.repliedAtMs ?? 0) > signalledAtMs,
    );
    expect(repliedAfterSignal.length).toBeGreaterThan(0);
    expect(receiver.requests.filter((request) => request.abandoned)).toEqual([]);

    database = await openStoppedDataDir(dataDir);
    const rows = await database.query<DeliveryRow>(
      `select d.id, d.status::text, d.attempt_count, d.leased_by, d.lease_expires_at,
              (select count(*)::int from attempts a where a.delivery_id = d.id) as attempts
         from deliveries d where d.id = any($1::uuid[])`,
      [accepted.map((callback) => callback.id)],
    );
    expect(rows).toHaveLength(CALLBACKS);
    const arrivals = (id: string) =>
      receiver.requests.filter((request) => request.headers["webhook-id"] === webhookId(id)).length;
    const delivered = rows.filter((row) => row.status === "delivered");
    expect(delivered.length).toBeGreaterThanOrEqual(IN_FLIGHT);
    for (const row of rows) {
      expect(row).toMatchObject({ leased_by: null, lease_expires_at: null });
      if (row.status === "delivered") {
        expect(row).toMatchObject({ attempt_count: 1, attempts: 1 });
        expect(arrivals(row.id)).toBe(1);
      } else {
        expect(row).toMatchObject({ status: "pending", attempt_count: 0, attempts: 0 });
        expect(arrivals(row.id)).toBe(0);
      }
    }
  });
});
