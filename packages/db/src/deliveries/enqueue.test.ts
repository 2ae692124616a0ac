import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../create-db.ts";
import { accounts, callbackProfiles, deliveries } from "../schema/index.ts";
import { createTestDatabase, testDrivers } from "../testing/index.ts";
import { enqueueCallbacks } from "./enqueue.ts";
import { DELIVERIES_CHANNEL } from "./notify.ts";

describe.each(testDrivers())("enqueueCallbacks on %s", (driver) => {
  let handle: DbHandle;
  let accountId: string;
  let otherAccountId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(driver);
    const [a, b] = await handle.db
      .insert(accounts)
      .values([
        { sid: "SA", name: "A" },
        { sid: "SB", name: "B" },
      ])
      .returning();
    if (!a || !b) throw new Error("accounts not created");
    accountId = a.id;
    otherAccountId = b.id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function profile(
    options: { status?: 1 | 2 | 3; events?: string[]; account?: string } = {},
  ): Promise<string> {
    const profileId = `T_${randomUUID()}`;
    await handle.db.insert(callbackProfiles).values({
      accountId: options.account ?? accountId,
      profileId,
      title: profileId,
      httpMethod: "POST",
      url: "https://x.test/",
      signingSecretSealed: "v1:x",
      status: options.status ?? 1,
      events: options.events ?? [],
    });
    return profileId;
  }

  async function rowsOf(profileId: string) {
    return handle.db
      .select({ id: deliveries.id, status: deliveries.status })
      .from(deliveries)
      .innerJoin(callbackProfiles, eq(callbackProfiles.id, deliveries.profileId))
      .where(eq(callbackProfiles.profileId, profileId));
  }

  it("stores pending deliveries and notifies the dispatcher at commit", async () => {
    const profileId = await profile();
    const notified: string[] = [];
    const unlisten = await handle.listen(DELIVERIES_CHANNEL, (payload) => notified.push(payload));
    try {
      const result = await enqueueCallbacks(handle.db, {
        accountId,
        items: [
          { profileId, event: "order.paid", data: { id: 1 } },
          { profileId, event: "order.paid", data: { id: 2 } },
        ],
      });
      expect(result).toMatchObject({
        ok: true,
        callbacks: [
          { profile_id: profileId, event: "order.paid", status: "pending", duplicate: false },
          { profile_id: profileId, event: "order.paid", status: "pending", duplicate: false },
        ],
      });
      expect(await rowsOf(profileId)).toHaveLength(2);
      for (let i = 0; i < 250 && notified.length === 0; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(notified.length).toBeGreaterThan(0);
    } finally {
      await unlisten();
    }
  });

  it("returns the first delivery for a repeated key, across calls and within a batch", async () => {
    const profileId = await profile();
    const item = { profileId, event: "e", data: {}, idempotencyKey: `k-${driver}` };
    const first = await enqueueCallbacks(handle.db, { accountId, items: [item] });
    const again = await enqueueCallbacks(handle.db, { accountId, items: [item, item] });
    if (!first.ok || !again.ok) throw new Error("enqueue refused");
    const id = first.callbacks[0]?.id;
    expect(again.callbacks.map((callback) => [callback.id, callback.duplicate])).toEqual([
      [id, true],
      [id, true],
    ]);
    const batch = await enqueueCallbacks(handle.db, {
      accountId,
      items: [
        { ...item, idempotencyKey: `b-${driver}` },
        { ...item, idempotencyKey: `b-${driver}` },
      ],
    });
    if (!batch.ok) throw new Error("enqueue refused");
    expect(batch.callbacks[1]?.id).toBe(batch.callbacks[0]?.id);
    expect(batch.callbacks.map((callback) => callback.duplicate)).toEqual([false, true]);
    expect(await rowsOf(profileId)).toHaveLength(2);
  });

  it("creates one delivery when two calls race with the same key", async () => {
    const profileId = await profile();
    const item = { profileId, event: "e", data: {}, idempotencyKey: `race-${driver}` };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => enqueueCallbacks(handle.db, { accountId, items: [item] })),
    );
    const ids = results.map((result) => (result.ok ? result.callbacks[0]?.id : undefined));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toEqual(expect.any(String));
    expect(await rowsOf(profileId)).toHaveLength(1);
  });

  it("holds deliveries of an auto-disabled profile", async () => {
    const profileId = await profile({ status: 2 });
    const result = await enqueueCallbacks(handle.db, {
      accountId,
      items: [{ profileId, event: "e", data: {} }],
    });
    expect(result).toMatchObject({ ok: true, callbacks: [{ status: "held" }] });
    expect(await rowsOf(profileId)).toEqual([{ id: expect.any(String), status: "held" }]);
  });

  it("refuses the whole batch when any item is invalid, naming each by index", async () => {
    const good = await profile({ events: ["SMS-sent"] });
    const disabled = await profile({ status: 3 });
    const foreign = await profile({ account: otherAccountId });
    const result = await enqueueCallbacks(handle.db, {
      accountId,
      items: [
        { profileId: good, event: "SMS-sent", data: {} },
        { profileId: disabled, event: "e", data: {} },
        { profileId: foreign, event: "e", data: {} },
        { profileId: good, event: "SMS-failed", data: [] },
      ],
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          index: 1,
          field: "profile_id",
          kind: "profile-disabled",
          message: expect.stringMatching(/is disabled/),
        },
        {
          index: 2,
          field: "profile_id",
          kind: "profile-not-found",
          message: `profile ${foreign} not found`,
        },
        {
          index: 3,
          field: "event",
          kind: "event-not-allowed",
          message: `event 'SMS-failed' is not allowed by profile ${good} (allowed: SMS-sent)`,
        },
        { index: 3, field: "data", kind: "invalid-data", message: "must be object" },
      ],
    });
    expect(await rowsOf(good)).toEqual([]);
  });
});
