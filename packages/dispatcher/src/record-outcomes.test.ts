import { attempts, deliveries } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimDeliveries } from "./claim.ts";
import type { AttemptRecord, DeliveryOutcome } from "./delivery-outcome.ts";
import { recordOutcomes } from "./record-outcomes.ts";
import { createDispatcherFixture, type DispatcherFixture } from "./testing/dispatcher-fixture.ts";
import { profileSpec, seedDeliveries, seedProfile } from "./testing/seed.ts";

const AUTO_DISABLE = { minFailures: 20, minDurationMs: 86_400_000 };

function attemptFor(deliveryId: string, statusCode: number): AttemptRecord {
  return {
    deliveryId,
    attemptNumber: 1,
    startedAt: new Date(),
    durationMs: 12,
    statusCode,
    errorClass: null,
    errorMessage: null,
    responseBody: "ok",
    responseHeaders: { "content-type": "text/plain" },
    requestHeaders: { "webhook-signature": "[redacted]" },
    missingVariables: [],
  };
}

describe.each(testDrivers())("recordOutcomes on %s", (driver) => {
  let fixture: DispatcherFixture;
  beforeAll(async () => {
    fixture = await createDispatcherFixture(driver);
  });
  afterAll(() => fixture.close());

  it("writes a whole batch of outcomes, skipping rows no longer leased by this worker", async () => {
    const profile = await seedProfile(
      fixture.handle,
      fixture.secretBox,
      fixture.accountId,
      profileSpec(),
    );
    const ids = await seedDeliveries(fixture.handle, {
      accountId: fixture.accountId,
      profileId: profile.id,
      count: 50,
    });
    const now = new Date();
    const claimed = await claimDeliveries(fixture.handle, {
      workerId: "writer-test",
      limit: 50,
      leaseMs: 60_000,
      now,
      saturatedProfileIds: [],
    });
    expect(claimed).toHaveLength(50);
    const [lost, ...mine] = claimed;
    await fixture.handle.query("update deliveries set leased_by = 'someone-else' where id = $1", [
      lost?.id,
    ]);
    const outcomes: DeliveryOutcome[] = claimed.map((delivery, index) => {
      const ref = { id: delivery.id, profileId: delivery.profileId };
      const attempt = attemptFor(delivery.id, index % 2 === 0 ? 200 : 503);
      return index % 2 === 0
        ? { outcome: "delivered", delivery: ref, attempt, responseMessage: `hi ${index}`, at: now }
        : {
            outcome: "retry",
            delivery: ref,
            attempt,
            nextAttemptAt: new Date(now.getTime() + 5_000),
            reason: "HTTP 503",
            at: now,
          };
    });
    const result = await recordOutcomes(fixture.handle.db, outcomes, {
      workerId: "writer-test",
      autoDisable: AUTO_DISABLE,
      now,
    });
    expect(result.recorded).toHaveLength(49);

    const rows = await fixture.handle.db
      .select()
      .from(deliveries)
      .where(inArray(deliveries.id, ids));
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(lost?.id ?? "")?.status).toBe("delivering");
    const delivered = mine.filter((_, index) => (index + 1) % 2 === 0);
    const retried = mine.filter((_, index) => (index + 1) % 2 === 1);
    for (const delivery of delivered) {
      expect(byId.get(delivery.id)).toMatchObject({
        status: "delivered",
        lastStatusCode: 200,
        leasedBy: null,
      });
    }
    for (const delivery of retried) {
      const row = byId.get(delivery.id);
      expect(row).toMatchObject({ status: "pending", lastStatusCode: 503, lastError: "HTTP 503" });
      expect(row?.nextAttemptAt.getTime()).toBe(now.getTime() + 5_000);
    }
    const written = await fixture.handle.db
      .select()
      .from(attempts)
      .where(inArray(attempts.deliveryId, ids));
    expect(written).toHaveLength(49);
    expect(written.some((row) => row.deliveryId === lost?.id)).toBe(false);
  });

  it("stores a response carrying NUL characters (as U+FFFD) instead of failing the batch", async () => {
    const profile = await seedProfile(
      fixture.handle,
      fixture.secretBox,
      fixture.accountId,
      profileSpec(),
    );
    const [id] = await seedDeliveries(fixture.handle, {
      accountId: fixture.accountId,
      profileId: profile.id,
      count: 1,
    });
    const now = new Date();
    const [delivery] = await claimDeliveries(fixture.handle, {
      workerId: "nul-test",
      limit: 1,
      leaseMs: 60_000,
      now,
      saturatedProfileIds: [],
    });
    expect(delivery?.id).toBe(id);
    const attempt: AttemptRecord = {
      ...attemptFor(id ?? "", 200),
      // A literal backslash before "u0000" is text, not a NUL, and must survive as it is.
      responseBody: "a\0b \\u0000 c\0",
      responseHeaders: { "x-odd": "v\0" },
    };
    const result = await recordOutcomes(
      fixture.handle.db,
      [
        {
          outcome: "delivered",
          delivery: { id: id ?? "", profileId: profile.id },
          attempt,
          responseMessage: "m\0",
          at: now,
        },
      ],
      { workerId: "nul-test", autoDisable: AUTO_DISABLE, now },
    );
    expect(result.recorded).toHaveLength(1);
    const [written] = await fixture.handle.db
      .select()
      .from(attempts)
      .where(inArray(attempts.deliveryId, [id ?? ""]));
    expect(written?.responseBody).toBe("a\ufffdb \\u0000 c\ufffd");
    expect(written?.responseHeaders).toEqual({ "x-odd": "v\ufffd" });
    const [row] = await fixture.handle.db
      .select()
      .from(deliveries)
      .where(inArray(deliveries.id, [id ?? ""]));
    expect(row?.responseMessage).toBe("m\ufffd");
  });

  it("keeps a failure streak through batches of retries, held and cancelled; a success resets it", async () => {
    const profile = await seedProfile(
      fixture.handle,
      fixture.secretBox,
      fixture.accountId,
      profileSpec(),
    );
    const firstFailureAt = new Date(Date.now() - 60_000);
    await fixture.handle.query(
      "update callback_profiles set consecutive_final_failures = 3, first_final_failure_at = $2 where id = $1",
      [profile.id, firstFailureAt.toISOString()],
    );
    await seedDeliveries(fixture.handle, {
      accountId: fixture.accountId,
      profileId: profile.id,
      count: 4,
    });
    const now = new Date();
    const claimed = await claimDeliveries(fixture.handle, {
      workerId: "streak-test",
      limit: 4,
      leaseMs: 60_000,
      now,
      saturatedProfileIds: [],
    });
    const [retried, held, cancelled, delivered] = claimed.map((delivery) => ({
      id: delivery.id,
      profileId: delivery.profileId,
    }));
    const options = { workerId: "streak-test", autoDisable: AUTO_DISABLE, now };
    const streak = async () => {
      const [row] = await fixture.handle.query<{ n: number }>(
        "select consecutive_final_failures as n from callback_profiles where id = $1",
        [profile.id],
      );
      return row?.n;
    };
    await recordOutcomes(
      fixture.handle.db,
      [
        {
          outcome: "retry",
          delivery: retried ?? { id: "", profileId: "" },
          attempt: attemptFor(retried?.id ?? "", 503),
          nextAttemptAt: new Date(now.getTime() + 60_000),
          reason: "HTTP 503",
          at: now,
        },
        { outcome: "held", delivery: held ?? { id: "", profileId: "" }, at: now },
        { outcome: "cancelled", delivery: cancelled ?? { id: "", profileId: "" }, at: now },
      ],
      options,
    );
    expect(await streak()).toBe(3);
    await recordOutcomes(
      fixture.handle.db,
      [
        {
          outcome: "delivered",
          delivery: delivered ?? { id: "", profileId: "" },
          attempt: attemptFor(delivered?.id ?? "", 200),
          responseMessage: null,
          at: now,
        },
      ],
      options,
    );
    expect(await streak()).toBe(0);
  });
});
