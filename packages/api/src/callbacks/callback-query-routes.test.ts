import { attempts, callbackProfiles, type DeliveryStatus, deliveries } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiFixture, createApiFixture, type TestAccount } from "../testing/api-fixture.ts";
import { createTestProfile } from "../testing/profile-helpers.ts";

describe.each(testDrivers())("callback list, detail and retry on %s", (driver) => {
  let fx: ApiFixture;
  let acct: TestAccount;
  let other: TestAccount;
  let profileA: string;
  let profileB: string;
  const base = (account = acct) => `/v1/${account.sid}/callbacks`;
  const get = (path: string, account = acct) => fx.call("GET", path, { apiKey: account.apiKey });
  const post = (path: string, account = acct) => fx.call("POST", path, { apiKey: account.apiKey });

  async function trigger(profileId: string, event: string, account = acct): Promise<string> {
    const { status, body } = await fx.call("POST", base(account), {
      apiKey: account.apiKey,
      body: { profile_id: profileId, event, data: { n: 1 } },
    });
    if (status !== 202) throw new Error(`trigger failed: ${JSON.stringify(body)}`);
    return String(body.data.id);
  }
  const setStatus = (id: string, status: DeliveryStatus) =>
    fx.handle.db.update(deliveries).set({ status }).where(eq(deliveries.id, id));

  beforeAll(async () => {
    fx = await createApiFixture(driver);
    acct = await fx.newAccount();
    other = await fx.newAccount();
    profileA = await createTestProfile(fx, acct);
    profileB = await createTestProfile(fx, acct);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("lists the account's callbacks newest first with filters and the total", async () => {
    fx.clock.nowMs = Date.parse("2026-02-01T08:00:00Z");
    const a1 = await trigger(profileA, "a1");
    fx.clock.nowMs = Date.parse("2026-02-02T08:00:00Z");
    const b1 = await trigger(profileB, "b1");
    fx.clock.nowMs = Date.parse("2026-02-03T08:00:00Z");
    const a2 = await trigger(profileA, "a2");
    await setStatus(a2, "failed");
    const theirs = await createTestProfile(fx, other);
    await trigger(theirs, "foreign", other);

    const all = await get(`${base()}?from=2026-02-01`);
    expect(all.status).toBe(200);
    expect(all.body.message).toBe("Callbacks fetched successfully");
    const ids = (data: Record<string, unknown>) =>
      (data.callbacks as { id: string }[]).map((callback) => callback.id);
    expect(ids(all.body.data)).toEqual([a2, b1, a1]);
    expect(all.body.data).toMatchObject({ total: 3, limit: 25, offset: 0 });
    expect((all.body.data.callbacks as unknown[])[0]).toMatchObject({
      id: a2,
      profile_id: profileA,
      event: "a2",
      data: { n: 1 },
      status: "failed",
      attempt_count: 0,
      created_at: "2026-02-03T08:00:00.000Z",
      last_attempt_duration_ms: null,
    });

    const cases: [string, string[]][] = [
      [`profile_id=${profileA}&from=2026-02-01`, [a2, a1]],
      ["status=failed&from=2026-02-01", [a2]],
      ["from=2026-02-02&to=2026-02-02", [b1]],
      ["from=2026-02-01T08:00:00Z&to=2026-02-02T08:00:00Z", [b1, a1]],
      ["from=2026-02-01&limit=1&offset=1", [b1]],
      [`profile_id=${theirs}`, []],
    ];
    for (const [query, expected] of cases) {
      const { status, body } = await get(`${base()}?${query}`);
      expect(status, query).toBe(200);
      expect(ids(body.data), query).toEqual(expected);
    }
    const paged = await get(`${base()}?from=2026-02-01&limit=1&offset=1`);
    expect(paged.body.data.total).toBe(3);
  });

  it.each([
    [
      "status=lost",
      "query/status must be equal to one of the allowed values: pending, delivering, delivered, failed, held, cancelled",
    ],
    ["limit=101", "query/limit must be <= 100"],
    [
      "from=yesterday",
      "query/from must be a date (2026-01-31) or a date-time with a time zone (2026-01-31T10:00:00Z)",
    ],
    ["from=2026-02-03&to=2026-02-01", "query/to must not be before from"],
    ["color=red", "query must NOT have additional properties: 'color'"],
  ])("refuses the list query %s", async (query, message) => {
    const { status, body } = await get(`${base()}?${query}`);
    expect(status).toBe(400);
    expect(body.message).toBe(message);
  });

  it("returns one callback with its attempts in order", async () => {
    const id = await trigger(profileA, "with-attempts");
    await fx.handle.db.insert(attempts).values([
      {
        deliveryId: id,
        attemptNumber: 2,
        startedAt: new Date("2026-02-05T10:00:05Z"),
        durationMs: 40,
        statusCode: 200,
        responseBody: '{"ok":true}',
        responseHeaders: { "content-type": "application/json" },
        requestHeaders: { "webhook-signature": "[redacted]" },
      },
      {
        deliveryId: id,
        attemptNumber: 1,
        startedAt: new Date("2026-02-05T10:00:00Z"),
        durationMs: 15_000,
        errorClass: "timeout",
        errorMessage: "no response within 15000 ms",
        missingVariables: ["order.id"],
      },
    ]);
    // The list shows the latest attempt's duration (attempt 2, inserted first), not the slowest.
    const listed = await get(`${base()}?profile_id=${profileA}&limit=100`);
    const row = (listed.body.data.callbacks as { id: string }[]).find((c) => c.id === id);
    expect(row).toMatchObject({ id, last_attempt_duration_ms: 40 });

    const { status, body } = await get(`${base()}/${id}`);
    expect(status).toBe(200);
    expect(body.message).toBe("Callback fetched successfully");
    expect(body.data).toMatchObject({ id, profile_id: profileA, event: "with-attempts" });
    expect(body.data.attempts).toEqual([
      {
        attempt_number: 1,
        started_at: "2026-02-05T10:00:00.000Z",
        duration_ms: 15_000,
        status_code: null,
        error_class: "timeout",
        error_message: "no response within 15000 ms",
        response_body: null,
        response_headers: null,
        request_headers: null,
        missing_variables: ["order.id"],
      },
      {
        attempt_number: 2,
        started_at: "2026-02-05T10:00:05.000Z",
        duration_ms: 40,
        status_code: 200,
        error_class: null,
        error_message: null,
        response_body: '{"ok":true}',
        response_headers: { "content-type": "application/json" },
        request_headers: { "webhook-signature": "[redacted]" },
        missing_variables: [],
      },
    ]);
  });

  it("answers 404 for unknown, malformed and other accounts' callback ids", async () => {
    const theirs = await trigger(await createTestProfile(fx, other), "x", other);
    for (const id of [theirs, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const detail = await get(`${base()}/${id}`);
      expect(detail.status).toBe(404);
      expect(detail.body.message).toBe(`params/id callback ${id} not found`);
      const retry = await post(`${base()}/${id}/retry`);
      expect(retry.status).toBe(404);
    }
    const [row] = await fx.handle.db.select().from(deliveries).where(eq(deliveries.id, theirs));
    expect(row?.status).toBe("pending");
  });

  it.each<DeliveryStatus>(["failed", "delivered", "cancelled"])(
    "resends a %s callback: pending now, attempt count kept",
    async (from) => {
      const id = await trigger(profileA, `retry-${from}`);
      await fx.handle.db
        .update(deliveries)
        .set({ status: from, attemptCount: 8, completedAt: new Date("2026-02-06T00:00:00Z") })
        .where(eq(deliveries.id, id));
      fx.clock.nowMs = Date.parse("2026-02-07T09:00:00Z");
      const { status, body } = await post(`${base()}/${id}/retry`);
      expect(status).toBe(202);
      expect(body.message).toBe("Callback queued for retry");
      expect(body.data).toMatchObject({
        id,
        status: "pending",
        attempt_count: 8,
        completed_at: null,
        next_attempt_at: "2026-02-07T09:00:00.000Z",
      });
    },
  );

  it.each<DeliveryStatus>(["pending", "delivering", "held"])(
    "refuses to resend a %s callback with 409",
    async (current) => {
      const id = await trigger(profileA, `busy-${current}`);
      await setStatus(id, current);
      const { status, body } = await post(`${base()}/${id}/retry`);
      expect(status).toBe(409);
      expect(body.code).toBe("RBC409");
      expect(body.message).toMatch(new RegExp(`callback ${id} is (still ${current}|held)`));
    },
  );

  it("resends into held for an auto-disabled profile and refuses for a disabled one", async () => {
    const profileId = await createTestProfile(fx, acct);
    const id = await trigger(profileId, "later");
    await setStatus(id, "failed");
    const setProfile = (status: 2 | 3) =>
      fx.handle.db
        .update(callbackProfiles)
        .set({ status })
        .where(eq(callbackProfiles.profileId, profileId));
    await setProfile(3);
    const refused = await post(`${base()}/${id}/retry`);
    expect(refused.status).toBe(403);
    await setProfile(2);
    const held = await post(`${base()}/${id}/retry`);
    expect(held.status).toBe(202);
    expect(held.body.data.status).toBe("held");
  });
});
