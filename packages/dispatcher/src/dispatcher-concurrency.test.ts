import { createDb, type DbHandle, deliveries } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "./dispatcher.ts";
import {
  createDispatcherFixture,
  type DispatcherFixture,
  localTransport,
} from "./testing/dispatcher-fixture.ts";
import { startReceiver } from "./testing/receiver.ts";
import { profileSpec, seedDeliveries, seedProfile } from "./testing/seed.ts";
import { waitFor } from "./testing/wait-for.ts";

/** A receiver whose `/hang` path answers only while its gate is open. */
async function startHangingReceiver() {
  const waiting: (() => void)[] = [];
  let open = false;
  const receiver = await startReceiver((request) => {
    if (open || !request.path.startsWith("/hang")) return { status: 200 };
    return new Promise((resolve) => waiting.push(() => resolve({ status: 200 })));
  });
  return {
    receiver,
    /** Answers every waiting and future request until `close`. */
    release() {
      open = true;
      for (const answer of waiting.splice(0)) answer();
    },
    close() {
      open = false;
    },
  };
}

describe.each(testDrivers())("dispatcher concurrency on %s", (driver) => {
  let fixture: DispatcherFixture;
  let hanging: Awaited<ReturnType<typeof startHangingReceiver>>;

  beforeAll(async () => {
    fixture = await createDispatcherFixture(driver);
    hanging = await startHangingReceiver();
  });
  afterEach(() => {
    hanging.release();
    hanging.close();
    hanging.receiver.requests.length = 0;
    expect(fixture.errors).toEqual([]);
  });
  afterAll(async () => {
    hanging.release();
    await fixture.close();
    await hanging.receiver.close();
  });

  async function seed(path: string, count: number) {
    const profile = await seedProfile(
      fixture.handle,
      fixture.secretBox,
      fixture.accountId,
      profileSpec({ url: `${hanging.receiver.url}${path}` }),
    );
    return seedDeliveries(fixture.handle, {
      accountId: fixture.accountId,
      profileId: profile.id,
      count,
    });
  }
  async function statuses(ids: string[]) {
    const rows = await fixture.handle.db
      .select()
      .from(deliveries)
      .where(inArray(deliveries.id, ids));
    return rows;
  }
  /** The rows once exactly `held` of them are leased (bounded wait), for exact assertions. */
  async function settled(ids: string[], held: number) {
    try {
      return await waitFor(async () => {
        const rows = await statuses(ids);
        return rows.filter((row) => row.status === "delivering").length === held && rows;
      });
    } catch {
      return statuses(ids);
    }
  }
  const hangingCount = () => hanging.receiver.requests.filter((r) => r.path === "/hang").length;

  it("keeps a hanging profile to its cap so other profiles' deliveries go through", async () => {
    const stuck = await seed("/hang", 10);
    const healthy = await seed("/ok", 6);
    const dispatcher = await fixture.startDispatcher({
      globalConcurrency: 4,
      perProfileConcurrency: 2,
      prefetch: 0,
    });
    await waitFor(async () => (await statuses(healthy)).every((row) => row.status === "delivered"));
    // On a loaded machine the second stuck request may reach the receiver after the healthy ones.
    await waitFor(() => hangingCount() === 2);
    expect(dispatcher.metrics().inFlight).toBe(2);
    // A claim that started before the profile reached its cap may still be handing its extra
    // rows back: wait for the queue to settle.
    const stuckRows = await settled(stuck, 2);
    expect(stuckRows.filter((row) => row.status === "delivering")).toHaveLength(2);
    expect(stuckRows.filter((row) => row.status === "pending")).toHaveLength(8);
    // Rows claimed past the cap were handed back untried.
    expect(stuckRows.reduce((sum, row) => sum + row.attemptCount, 0)).toBe(2);
    hanging.release();
    await waitFor(async () => (await statuses(stuck)).every((row) => row.status === "delivered"));
    await dispatcher.shutdown();
  });

  it("claims ahead only up to a profile's cap, and hands unstarted claims back on shutdown", async () => {
    const stuck = await seed("/hang", 10);
    const healthy = await seed("/ok", 6);
    const dispatcher = await fixture.startDispatcher({
      globalConcurrency: 4,
      perProfileConcurrency: 2,
      prefetch: 4,
    });
    await waitFor(async () => (await statuses(healthy)).every((row) => row.status === "delivered"));
    // On a loaded machine the second stuck request may reach the receiver after the healthy ones.
    await waitFor(() => hangingCount() === 2);
    const stuckRows = await settled(stuck, 4);
    // Two in flight, two more claimed and waiting for the profile's cap, the rest left queued.
    expect(stuckRows.filter((row) => row.status === "delivering")).toHaveLength(4);
    expect(stuckRows.filter((row) => row.status === "pending")).toHaveLength(6);
    await dispatcher.shutdown({ deadlineMs: 50 });
    const after = await statuses(stuck);
    expect(after.every((row) => row.status === "pending" && row.leasedBy === null)).toBe(true);
    // Only the two tries that may have reached the receiver stay counted.
    expect(after.reduce((sum, row) => sum + row.attemptCount, 0)).toBe(2);
    // Out of the next tests' way.
    await fixture.handle.query("update deliveries set status = 'cancelled' where id = any($1)", [
      stuck,
    ]);
  });

  it("hands back a claim that waited half its lease instead of starting it late", async () => {
    const [first, second] = await seed("/hang", 2);
    const dispatcher = await fixture.startDispatcher({
      globalConcurrency: 4,
      perProfileConcurrency: 1,
      prefetch: 4,
      leaseMs: 10_000,
    });
    await waitFor(() => hangingCount() === 1);
    // The second waits for the profile's only slot past half its lease, then the first answers
    // while later requests keep hanging.
    fixture.clock.advance(6_000);
    hanging.release();
    hanging.close();
    await waitFor(() => hangingCount() === 2);
    // The first's outcome is written in a batch just after it answered; before that its row is
    // still leased, and moving past its lease would have it reclaimed and sent again.
    await waitFor(async () => (await statuses([first ?? ""]))[0]?.status === "delivered");
    // Past the first claim's lease: started on it, the second would be reclaimed and sent again.
    fixture.clock.advance(5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hangingCount()).toBe(2);
    const rows = await statuses([first ?? "", second ?? ""]);
    // Handed back untried: its attempt count holds only the try in flight.
    expect(rows.map((row) => row.attemptCount).sort()).toEqual([1, 1]);
    await dispatcher.shutdown({ deadlineMs: 50 });
    await fixture.handle.query("update deliveries set status = 'cancelled' where id = any($1)", [
      [first, second],
    ]);
  });

  it("releases unfinished leases on shutdown, aborts their requests, and can be called twice", async () => {
    const ids = await seed("/hang", 3);
    // The requests would hang for the transport's whole 15 s total timeout.
    const dispatcher = await fixture.startDispatcher({ transport: localTransport() });
    await waitFor(() => hangingCount() === 3);
    const started = performance.now();
    await Promise.all([
      dispatcher.shutdown({ deadlineMs: 50 }),
      dispatcher.shutdown({ deadlineMs: 50 }),
    ]);
    await dispatcher.shutdown();
    // Aborted past the deadline, not waited for.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(fixture.errors).toEqual([]);
    for (const row of await statuses(ids)) {
      expect(row).toMatchObject({ status: "pending", leasedBy: null, leaseExpiresAt: null });
      // The try may have reached the receiver, so it stays counted.
      expect(row.attemptCount).toBe(1);
    }
  });

  it("two dispatchers on one database deliver 200 callbacks exactly once each", async () => {
    const ids = await seed("/many", 200);
    // On PostgreSQL the second dispatcher gets its own connection pool, like a second process.
    const second: DbHandle =
      fixture.handle.config.driver === "postgres"
        ? await createDb({ driver: "postgres", url: fixture.handle.config.url, maxConnections: 4 })
        : fixture.handle;
    const other = createDispatcher({
      handle: second,
      secretBox: fixture.secretBox,
      transport: localTransport(),
      workerId: "other-worker",
      pollIntervalMs: 20,
      globalConcurrency: 16,
      now: fixture.clock.now,
      onError: (error) => fixture.errors.push(error),
    });
    try {
      await Promise.all([fixture.startDispatcher({ globalConcurrency: 16 }), other.start()]);
      await waitFor(async () => (await statuses(ids)).every((row) => row.status === "delivered"), {
        timeoutMs: 20_000,
        intervalMs: 50,
      });
    } finally {
      await other.shutdown();
      if (second !== fixture.handle) await second.close();
    }
    const received = hanging.receiver.requests.filter((r) => r.path === "/many");
    expect(received).toHaveLength(200);
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(200);
    const rows = await statuses(ids);
    expect(rows.every((row) => row.attemptCount === 1)).toBe(true);
    expect(other.metrics().outcomes.delivered).toBeGreaterThan(0);
  });
});
