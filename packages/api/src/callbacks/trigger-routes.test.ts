import { DELIVERIES_CHANNEL, deliveries } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiFixture, createApiFixture, type TestAccount } from "../testing/api-fixture.ts";
import { createTestProfile } from "../testing/profile-helpers.ts";

describe.each(testDrivers())("POST /callbacks on %s", (driver) => {
  let fx: ApiFixture;
  let acct: TestAccount;
  let other: TestAccount;
  const trigger = (body: unknown, query = "", account = acct) =>
    fx.call("POST", `/v1/${account.sid}/callbacks${query}`, { apiKey: account.apiKey, body });
  const deliveryCount = async () => {
    const [row] = await fx.handle.db.select({ n: count() }).from(deliveries);
    return row?.n ?? 0;
  };

  beforeAll(async () => {
    fx = await createApiFixture(driver);
    acct = await fx.newAccount();
    other = await fx.newAccount();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("accepts one event with 202 after committing it, and notifies the dispatcher", async () => {
    const profileId = await createTestProfile(fx, acct);
    const notified: string[] = [];
    const unlisten = await fx.handle.listen(DELIVERIES_CHANNEL, (payload) =>
      notified.push(payload),
    );
    try {
      const { status, body } = await trigger({
        profile_id: profileId,
        event: "order.paid",
        data: { order: { id: 7 } },
      });
      expect(status).toBe(202);
      expect(body).toMatchObject({ code: "RBC024", message: "Callback accepted", status: 202 });
      expect(body.data).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        profile_id: profileId,
        event: "order.paid",
        status: "pending",
      });
      const [row] = await fx.handle.db
        .select()
        .from(deliveries)
        .where(eq(deliveries.id, String(body.data.id)));
      expect(row).toMatchObject({
        event: "order.paid",
        data: { order: { id: 7 } },
        status: "pending",
        attemptCount: 0,
        nextAttemptAt: new Date(fx.clock.nowMs),
      });
      for (let i = 0; i < 250 && notified.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(notified.length).toBeGreaterThan(0);
    } finally {
      await unlisten();
    }
  });

  it("accepts a batch and answers with one item per event, in order", async () => {
    const first = await createTestProfile(fx, acct);
    const second = await createTestProfile(fx, acct, { events: ["SMS-sent"] });
    const before = await deliveryCount();
    const { status, body } = await trigger({
      events: [
        { profile_id: first, event: "a", data: {} },
        { profile_id: second, event: "SMS-sent", data: { to: "+4912" } },
      ],
    });
    expect(status).toBe(202);
    expect(body.message).toBe("Callbacks accepted");
    expect(body.data).toEqual([
      { id: expect.any(String), profile_id: first, event: "a", status: "pending" },
      { id: expect.any(String), profile_id: second, event: "SMS-sent", status: "pending" },
    ]);
    expect(await deliveryCount()).toBe(before + 2);
  });

  it("returns the first callback for a repeated idempotency key, never a second one", async () => {
    const profileId = await createTestProfile(fx, acct);
    const event = { profile_id: profileId, event: "e", data: {}, idempotency_key: "order-42" };
    const first = await trigger(event);
    const again = await trigger({ ...event, data: { changed: true } });
    expect(again.status).toBe(202);
    expect(again.body.data).toEqual(first.body.data);
    const batch = await trigger({
      events: [
        { ...event, idempotency_key: "order-43" },
        { ...event, idempotency_key: "order-43" },
      ],
    });
    const [a, b] = batch.body.data as unknown as { id: string }[];
    expect(a?.id).toBe(b?.id);
    const rows = await fx.handle.db
      .select({ key: deliveries.idempotencyKey })
      .from(deliveries)
      .where(eq(deliveries.accountId, acct.accountId));
    expect(rows.filter((row) => row.key === "order-42")).toHaveLength(1);
    expect(rows.filter((row) => row.key === "order-43")).toHaveLength(1);
  });

  it("keeps idempotency keys per account", async () => {
    const mine = await createTestProfile(fx, acct);
    const theirs = await createTestProfile(fx, other);
    const key = { event: "e", data: {}, idempotency_key: "shared-key" };
    const a = await trigger({ ...key, profile_id: mine });
    const b = await trigger({ ...key, profile_id: theirs }, "", other);
    expect(b.status).toBe(202);
    expect(b.body.data.id).not.toBe(a.body.data.id);
  });

  it("refuses a disabled profile with 403 and holds events of an auto-disabled one", async () => {
    const disabled = await createTestProfile(fx, acct, { status: 3 });
    const refused = await trigger({ profile_id: disabled, event: "e", data: {} });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: "RBC403",
      message: `body/profile_id profile ${disabled} is disabled; enable it (status 1) to send callbacks`,
    });
    const auto = await createTestProfile(fx, acct, { status: 2 });
    const held = await trigger({ profile_id: auto, event: "e", data: {} });
    expect(held.status).toBe(202);
    expect(held.body.data.status).toBe("held");
  });

  it("answers 404 for an unknown profile and for another account's profile", async () => {
    const theirs = await createTestProfile(fx, other);
    for (const profileId of ["IN_00000000-0000-4000-8000-000000000000", theirs]) {
      const { status, body } = await trigger({ profile_id: profileId, event: "e", data: {} });
      expect(status).toBe(404);
      expect(body).toMatchObject({
        code: "RBC302",
        message: `body/profile_id profile ${profileId} not found`,
      });
    }
  });

  it("refuses an event the profile does not allow, naming the allowed ones", async () => {
    const profileId = await createTestProfile(fx, acct, { events: ["SMS-sent"] });
    const { status, body } = await trigger({ profile_id: profileId, event: "SMS-lost", data: {} });
    expect(status).toBe(400);
    expect(body.message).toBe(
      `body/event event 'SMS-lost' is not allowed by profile ${profileId} (allowed: SMS-sent)`,
    );
  });

  it("writes nothing when one event of a batch is refused, and lists it by index", async () => {
    const profileId = await createTestProfile(fx, acct);
    const disabled = await createTestProfile(fx, acct, { status: 3 });
    const before = await deliveryCount();
    const { status, body } = await trigger({
      events: [
        { profile_id: profileId, event: "a", data: {} },
        { profile_id: profileId, event: "b", data: {} },
        { profile_id: disabled, event: "c", data: {} },
      ],
    });
    expect(status).toBe(403);
    expect(body.error).toEqual([
      { body: expect.stringMatching(new RegExp(`^body/events/2/profile_id profile ${disabled}`)) },
    ]);
    expect(await deliveryCount()).toBe(before);
  });

  it.each([
    [{ event: "e", data: {} }, "body must have required property 'profile_id'"],
    [{ profile_id: "IN_x", event: "e", data: [] }, "body/data must be object"],
    [
      { profile_id: "IN_x", event: "e", data: {}, extra: 1 },
      "body must NOT have additional properties: 'extra'",
    ],
    [
      { profile_id: "IN_x", event: "bad event", data: {} },
      "body/event must start with a letter or digit and contain only letters, digits and _ . : -",
    ],
    [{ events: [] }, "body/events must NOT have fewer than 1 items"],
    [
      { events: [{}, { profile_id: "IN_x", event: "e" }] },
      "body/events/0 must have required property 'profile_id'",
    ],
  ])("validates the body before touching the database: %j", async (input, message) => {
    const { status, body } = await trigger(input);
    expect(status).toBe(400);
    expect(body.code).toBe("RBC302");
    expect((body.error as { body: string }[]).map((item) => item.body)).toContain(message);
  });

  it("refuses a batch of more than 1000 events", async () => {
    const profileId = await createTestProfile(fx, acct);
    const events = Array.from({ length: 1001 }, () => ({
      profile_id: profileId,
      event: "e",
      data: {},
    }));
    const before = await deliveryCount();
    const { status, body } = await trigger({ events });
    expect(status).toBe(400);
    expect(body.message).toBe("body/events must NOT have more than 1000 items");
    expect(await deliveryCount()).toBe(before);
  });

  it("accepts a batch of exactly 1000 events", async () => {
    const profileId = await createTestProfile(fx, acct);
    const events = Array.from({ length: 1000 }, (_, i) => ({
      profile_id: profileId,
      event: "e",
      data: { i },
      idempotency_key: `bulk-${i}`,
    }));
    const { status, body } = await trigger({ events });
    expect(status).toBe(202);
    expect(body.data).toHaveLength(1000);
  });

  it("refuses a wait outside 0..30000 ms", async () => {
    const { status, body } = await trigger({}, "?wait=30001");
    expect(status).toBe(400);
    expect(body.message).toBe("query/wait must be <= 30000");
  });

  it("waits for the outcome and returns the rendered response message", async () => {
    const profileId = await createTestProfile(fx, acct);
    const notified: string[] = [];
    const unlisten = await fx.handle.listen(DELIVERIES_CHANNEL, (payload) =>
      notified.push(payload),
    );
    // Plays the dispatcher: once notified, marks the newest pending delivery delivered.
    const worker = (async () => {
      for (let i = 0; i < 250 && notified.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, 60));
      await fx.handle.db
        .update(deliveries)
        .set({ status: "delivered", responseMessage: "Thanks, Ada", attemptCount: 1 })
        .where(eq(deliveries.event, "chat.reply"));
    })();
    try {
      const started = performance.now();
      const { status, body } = await trigger(
        { profile_id: profileId, event: "chat.reply", data: { name: "Ada" } },
        "?wait=5000",
      );
      await worker;
      expect(status).toBe(202);
      expect(body.data).toMatchObject({
        profile_id: profileId,
        status: "delivered",
        response_message: "Thanks, Ada",
      });
      expect(performance.now() - started).toBeLessThan(4_000);
    } finally {
      await unlisten();
    }
  });

  it("answers with the current status when the wait times out", async () => {
    const profileId = await createTestProfile(fx, acct);
    const started = performance.now();
    const { status, body } = await trigger(
      { profile_id: profileId, event: "slow", data: {} },
      "?wait=150",
    );
    expect(status).toBe(202);
    expect(body.data).toMatchObject({ status: "pending", response_message: null });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});
