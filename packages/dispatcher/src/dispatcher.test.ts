import { attempts, callbackProfiles, deliveries } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { asc, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDispatcherFixture, type DispatcherFixture } from "./testing/dispatcher-fixture.ts";
import { type Receiver, type ReceiverReply, startReceiver } from "./testing/receiver.ts";
import { profileSpec, seedDeliveries, seedProfile } from "./testing/seed.ts";
import { waitFor } from "./testing/wait-for.ts";
import { webhookId } from "./webhook-id.ts";

describe.each(testDrivers())("dispatcher on %s", (driver) => {
  let fixture: DispatcherFixture;
  let replies: (() => ReceiverReply | Promise<ReceiverReply>)[] = [];
  let receiver: Receiver;

  beforeAll(async () => {
    fixture = await createDispatcherFixture(driver);
    receiver = await startReceiver(() => (replies.shift() ?? (() => ({ status: 200 })))());
  });
  afterEach(() => {
    expect(fixture.errors).toEqual([]);
    replies = [];
    receiver.requests.length = 0;
  });
  afterAll(async () => {
    await fixture.close();
    await receiver.close();
  });

  async function delivery(id: string) {
    const [row] = await fixture.handle.db.select().from(deliveries).where(eq(deliveries.id, id));
    if (row === undefined) throw new Error(`no delivery ${id}`);
    return row;
  }
  async function attemptsOf(id: string) {
    return fixture.handle.db
      .select()
      .from(attempts)
      .where(eq(attempts.deliveryId, id))
      .orderBy(asc(attempts.attemptNumber));
  }
  async function profile(id: string) {
    const [row] = await fixture.handle.db
      .select()
      .from(callbackProfiles)
      .where(eq(callbackProfiles.id, id));
    if (row === undefined) throw new Error(`no profile ${id}`);
    return row;
  }
  async function seed(overrides: Parameters<typeof profileSpec>[0] = {}, count = 1) {
    const seeded = await seedProfile(
      fixture.handle,
      fixture.secretBox,
      fixture.accountId,
      profileSpec({ url: `${receiver.url}/hook`, ...overrides }),
    );
    const ids = await seedDeliveries(fixture.handle, {
      accountId: fixture.accountId,
      profileId: seeded.id,
      count,
    });
    return { profile: seeded, ids };
  }
  const statusOf = (id: string, status: string) => async () =>
    (await delivery(id)).status === status;

  it("delivers the rendered request signed with Standard Webhooks and stores the response message", async () => {
    replies.push(() => ({ status: 200, body: JSON.stringify({ reply: "Got it" }) }));
    const { profile: seeded, ids } = await seed({ response_message: "<reply>, <name>" });
    const [id = ""] = ids;
    const dispatcher = await fixture.startDispatcher();
    await waitFor(statusOf(id, "delivered"));
    await dispatcher.shutdown();

    const [request] = receiver.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/hook");
    expect(JSON.parse(request?.body ?? "")).toEqual({ phone: "+15550100", text: "Hello Ada" });
    expect(request?.headers.authorization).toBe("Bearer s3cr3t");
    expect(request?.headers["x-channel"]).toBe("sms");
    expect(request?.headers["content-type"]).toContain("application/json");
    expect(request?.headers["webhook-id"]).toBe(webhookId(id));
    expect(request?.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(() =>
      new Webhook(seeded.signingSecret).verify(request?.body ?? "", request?.headers ?? {}),
    ).not.toThrow();

    const row = await delivery(id);
    expect(row).toMatchObject({
      status: "delivered",
      attemptCount: 1,
      lastStatusCode: 200,
      lastError: null,
      responseMessage: "Got it, Ada",
      leasedBy: null,
      leaseExpiresAt: null,
    });
    expect(row.completedAt).not.toBeNull();
    const [attempt] = await attemptsOf(id);
    expect(attempt).toMatchObject({ attemptNumber: 1, statusCode: 200, errorClass: null });
    expect(attempt?.requestHeaders).toMatchObject({
      Authorization: "[redacted]",
      "webhook-signature": "[redacted]",
      "X-Channel": "sms",
      "webhook-id": webhookId(id),
    });
    expect(dispatcher.metrics().outcomes.delivered).toBe(1);
    expect(dispatcher.metrics().attemptLatency.count).toBe(1);
  });

  it("retries along the ladder with a stable webhook-id and then delivers", async () => {
    replies.push(
      () => ({ status: 500 }),
      () => ({ status: 502 }),
    );
    const { ids } = await seed();
    const [id = ""] = ids;
    const dispatcher = await fixture.startDispatcher();
    const first = await waitFor(async () => {
      const row = await delivery(id);
      return row.status === "pending" && row.attemptCount === 1 && row;
    });
    // random() = 0.5 means no jitter: the first step is exactly 5 s.
    expect(first.nextAttemptAt.getTime() - first.modifiedAt.getTime()).toBe(5_000);
    expect(first.lastStatusCode).toBe(500);
    fixture.clock.advance(5_000);
    const second = await waitFor(async () => {
      const row = await delivery(id);
      return row.status === "pending" && row.attemptCount === 2 && row;
    });
    expect(second.nextAttemptAt.getTime() - second.modifiedAt.getTime()).toBe(300_000);
    fixture.clock.advance(300_000);
    await waitFor(statusOf(id, "delivered"));
    await dispatcher.shutdown();

    expect((await attemptsOf(id)).map((a) => [a.attemptNumber, a.statusCode])).toEqual([
      [1, 500],
      [2, 502],
      [3, 200],
    ]);
    const webhookIds = new Set(receiver.requests.map((r) => r.headers["webhook-id"]));
    expect(webhookIds).toEqual(new Set([webhookId(id)]));
  });

  it("honours Retry-After on 429 within one to two ladder steps", async () => {
    replies.push(() => ({ status: 429, headers: { "retry-after": "8" } }));
    const { ids } = await seed({ retry_schedule: [5] });
    const [id = ""] = ids;
    const dispatcher = await fixture.startDispatcher();
    const row = await waitFor(async () => {
      const current = await delivery(id);
      return current.status === "pending" && current.attemptCount === 1 && current;
    });
    await dispatcher.shutdown();
    expect(row.nextAttemptAt.getTime() - row.modifiedAt.getTime()).toBe(8_000);
    expect(row.lastError).toContain("Retry-After");
  });

  it("fails finally after the last step of a custom retry schedule", async () => {
    for (let i = 0; i < 3; i += 1) replies.push(() => ({ status: 500, body: "down" }));
    const { ids } = await seed({ retry_schedule: [0, 0] });
    const [id = ""] = ids;
    const dispatcher = await fixture.startDispatcher();
    await waitFor(statusOf(id, "failed"));
    await dispatcher.shutdown();
    const row = await delivery(id);
    expect(row.attemptCount).toBe(3);
    expect(row.lastError).toContain("gave up after 3 tries");
    expect(row.completedAt).not.toBeNull();
    expect(receiver.requests).toHaveLength(3);
    const rows = await attemptsOf(id);
    expect(rows.map((a) => a.responseBody)).toEqual(["down", "down", "down"]);
  });

  it("disables the profile at once on 410 Gone and holds its pending deliveries", async () => {
    replies.push(() => ({ status: 410 }));
    const { profile: seeded, ids } = await seed();
    const [id = ""] = ids;
    const later = await seedDeliveries(fixture.handle, {
      accountId: fixture.accountId,
      profileId: seeded.id,
      count: 3,
      nextAttemptAt: new Date(fixture.clock.now().getTime() + 3_600_000),
    });
    const dispatcher = await fixture.startDispatcher();
    await waitFor(statusOf(id, "failed"));
    await dispatcher.shutdown();
    const disabled = await profile(seeded.id);
    expect(disabled.status).toBe(2);
    expect(disabled.disabledReason).toContain("410");
    expect(disabled.disabledAt).not.toBeNull();
    for (const laterId of later) expect((await delivery(laterId)).status).toBe("held");
  });

  it("auto-disables a profile after enough consecutive final failures", async () => {
    for (let i = 0; i < 3; i += 1) replies.push(() => ({ status: 500 }));
    const { profile: seeded, ids } = await seed({ retry_schedule: [] }, 3);
    const [later = ""] = await seedDeliveries(fixture.handle, {
      accountId: fixture.accountId,
      profileId: seeded.id,
      nextAttemptAt: new Date(fixture.clock.now().getTime() + 3_600_000),
    });
    const dispatcher = await fixture.startDispatcher({
      autoDisable: { minFailures: 3, minDurationMs: 0 },
    });
    await waitFor(async () => (await profile(seeded.id)).status === 2);
    await dispatcher.shutdown();
    for (const id of ids) expect((await delivery(id)).status).toBe("failed");
    const disabled = await profile(seeded.id);
    expect(disabled.consecutiveFinalFailures).toBe(3);
    expect(disabled.disabledReason).toContain("3 consecutive failed deliveries");
    expect((await delivery(later)).status).toBe("held");
  });

  it("resets a profile's failure streak on success", async () => {
    const { profile: seeded, ids } = await seed();
    await fixture.handle.db
      .update(callbackProfiles)
      .set({ consecutiveFinalFailures: 7, firstFinalFailureAt: new Date(0) })
      .where(eq(callbackProfiles.id, seeded.id));
    const dispatcher = await fixture.startDispatcher({
      autoDisable: { minFailures: 3, minDurationMs: 0 },
    });
    await waitFor(statusOf(ids[0] ?? "", "delivered"));
    await dispatcher.shutdown();
    const row = await profile(seeded.id);
    expect(row).toMatchObject({
      status: 1,
      consecutiveFinalFailures: 0,
      firstFinalFailureAt: null,
    });
  });

  it("fails a delivery that cannot be rendered without sending anything", async () => {
    const { profile: seeded } = await seed({ headers: { "X-Name": "<name>" } }, 0);
    const [id = ""] = await seedDeliveries(fixture.handle, {
      accountId: fixture.accountId,
      profileId: seeded.id,
      data: () => ({ name: "Ada\r\nX-Evil: 1" }),
    });
    const dispatcher = await fixture.startDispatcher();
    await waitFor(statusOf(id, "failed"));
    await dispatcher.shutdown();
    expect(receiver.requests).toHaveLength(0);
    const [attempt] = await attemptsOf(id);
    expect(attempt).toMatchObject({ errorClass: "render", statusCode: null, requestHeaders: null });
    expect((await delivery(id)).lastError).toMatch(/^render: /);
  });

  it("cancels deliveries of a deleted profile and holds those of a disabled one", async () => {
    const deleted = await seed({ title: "deleted profile" });
    const disabled = await seed({ status: 3 });
    await fixture.handle.db
      .update(callbackProfiles)
      .set({ deletedAt: new Date() })
      .where(eq(callbackProfiles.id, deleted.profile.id));
    const dispatcher = await fixture.startDispatcher();
    await waitFor(statusOf(deleted.ids[0] ?? "", "cancelled"));
    await waitFor(statusOf(disabled.ids[0] ?? "", "held"));
    await dispatcher.shutdown();
    expect(receiver.requests).toHaveLength(0);
    expect((await delivery(disabled.ids[0] ?? "")).attemptCount).toBe(0);
  });

  it("delivers a delivery whose lease expired on another worker", async () => {
    const { profile: seeded } = await seed({}, 0);
    const [id = ""] = await seedDeliveries(fixture.handle, {
      accountId: fixture.accountId,
      profileId: seeded.id,
    });
    await fixture.handle.db
      .update(deliveries)
      .set({
        status: "delivering",
        leasedBy: "crashed-worker",
        attemptCount: 1,
        leaseExpiresAt: new Date(fixture.clock.now().getTime() - 1000),
      })
      .where(eq(deliveries.id, id));
    const dispatcher = await fixture.startDispatcher();
    await waitFor(statusOf(id, "delivered"));
    await dispatcher.shutdown();
    expect((await delivery(id)).attemptCount).toBe(2);
    expect((await attemptsOf(id)).map((a) => a.attemptNumber)).toEqual([2]);
  });

  it("wakes up on a rebound_deliveries notification without waiting for the poll", async () => {
    const dispatcher = await fixture.startDispatcher({ pollIntervalMs: 60_000 });
    // Let the start-up claim find nothing before the delivery exists.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { ids } = await seed();
    await fixture.handle.query("select pg_notify('rebound_deliveries', '')");
    await waitFor(statusOf(ids[0] ?? "", "delivered"), { timeoutMs: 5_000 });
    await dispatcher.shutdown();
  });
});
