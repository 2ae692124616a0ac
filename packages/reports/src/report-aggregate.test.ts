import type { DbHandle } from "@rebound/db";
import { createTestDatabase, testDrivers } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateReport } from "./report-aggregate.ts";
import type { ReportWindow } from "./report-window.ts";
import { seedAccount, seedDelivery, seedProfile } from "./testing/report-seed.ts";

const window: ReportWindow = {
  start: new Date("2026-03-24T17:00:00.000Z"),
  end: new Date("2026-03-25T17:00:00.000Z"),
};
const ms = (offset: number, from: Date) => new Date(from.getTime() + offset);

describe.each(testDrivers())("aggregateReport on %s", (driver) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(driver);
  });
  afterAll(() => handle.close());

  it("reports zero counts and no success rate for an empty window", async () => {
    const accountId = await seedAccount(handle);
    await expect(aggregateReport(handle, accountId, window)).resolves.toEqual({
      window,
      delivered: 0,
      failed: 0,
      successRate: null,
      profiles: [],
      failureReasons: [],
      autoDisabledProfiles: [],
    });
  });

  it("counts finished deliveries with completed_at in [start, end) of this account only", async () => {
    const accountId = await seedAccount(handle);
    const profile = await seedProfile(handle, accountId, { title: "Orders" });
    const other = await seedAccount(handle);
    const otherProfile = await seedProfile(handle, other, { title: "Orders" });
    const delivered = (completedAt: Date | null, status: "delivered" | "failed" = "delivered") =>
      seedDelivery(handle, { accountId, profileId: profile.id, status, completedAt });
    await delivered(ms(-1, window.start)); // just before: previous window
    await delivered(window.start); // start is inclusive
    await delivered(ms(3_600_000, window.start));
    await delivered(ms(-1, window.end), "failed");
    await delivered(window.end); // end is exclusive: next window
    await delivered(ms(-1, window.end), "delivered");
    // Not finished, or finished without a result: not counted.
    for (const status of ["pending", "delivering", "held"] as const) {
      await seedDelivery(handle, { accountId, profileId: profile.id, status, completedAt: null });
    }
    await seedDelivery(handle, {
      accountId,
      profileId: profile.id,
      status: "cancelled",
      completedAt: ms(60_000, window.start),
    });
    await seedDelivery(handle, {
      accountId: other,
      profileId: otherProfile.id,
      status: "delivered",
      completedAt: ms(60_000, window.start),
    });

    const report = await aggregateReport(handle, accountId, window);
    expect(report).toMatchObject({ delivered: 3, failed: 1, successRate: 0.75 });
    expect(report.profiles).toEqual([
      { profileId: profile.profileId, title: "Orders", deleted: false, delivered: 3, failed: 1 },
    ]);
  });

  it("breaks counts down per profile, most failures first, deleted profiles flagged", async () => {
    const accountId = await seedAccount(handle);
    const inWindow = ms(60_000, window.start);
    const seed = async (title: string, delivered: number, failed: number, deletedAt?: Date) => {
      const profile = await seedProfile(handle, accountId, { title, deletedAt });
      for (let index = 0; index < delivered + failed; index += 1) {
        const status = index < delivered ? "delivered" : "failed";
        await seedDelivery(handle, {
          accountId,
          profileId: profile.id,
          status,
          completedAt: inWindow,
        });
      }
      return profile.profileId;
    };
    const healthy = await seed("Healthy", 4, 0);
    const flaky = await seed("Flaky", 1, 2);
    const gone = await seed("Gone", 0, 1, ms(120_000, window.start));
    await seed("Idle", 0, 0);

    const report = await aggregateReport(handle, accountId, window);
    expect(report.profiles).toEqual([
      { profileId: flaky, title: "Flaky", deleted: false, delivered: 1, failed: 2 },
      { profileId: gone, title: "Gone", deleted: true, delivered: 0, failed: 1 },
      { profileId: healthy, title: "Healthy", deleted: false, delivered: 4, failed: 0 },
    ]);
    expect(report).toMatchObject({ delivered: 5, failed: 3, successRate: 5 / 8 });
  });

  it("ranks failure reasons by the last try: status code, else its error class", async () => {
    const accountId = await seedAccount(handle);
    const profile = await seedProfile(handle, accountId, { title: "Failing" });
    const fail = (
      tries: Array<{ statusCode: number | null; errorClass?: string }>,
      at = window.start,
    ) =>
      seedDelivery(handle, {
        accountId,
        profileId: profile.id,
        status: "failed",
        completedAt: at,
        tries,
      });
    for (let index = 0; index < 3; index += 1)
      await fail([{ statusCode: 500 }, { statusCode: 503 }]);
    // An earlier 503 does not matter: the last try timed out.
    await fail([{ statusCode: 503 }, { statusCode: null, errorClass: "timeout" }]);
    await fail([
      { statusCode: null, errorClass: "connect" },
      { statusCode: null, errorClass: "timeout" },
    ]);
    await fail([{ statusCode: 410 }]);
    await fail([{ statusCode: null, errorClass: "render" }]);
    // Outside the window, and a delivered callback after a failed try: not reasons.
    await fail([{ statusCode: 404 }], window.end);
    await seedDelivery(handle, {
      accountId,
      profileId: profile.id,
      status: "delivered",
      completedAt: window.start,
      tries: [{ statusCode: 502 }, { statusCode: 200 }],
    });

    const report = await aggregateReport(handle, accountId, window);
    expect(report.failureReasons).toEqual([
      { label: "HTTP 503", statusCode: 503, errorClass: null, count: 3 },
      { label: "timeout", statusCode: null, errorClass: "timeout", count: 2 },
      { label: "HTTP 410", statusCode: 410, errorClass: null, count: 1 },
      { label: "render", statusCode: null, errorClass: "render", count: 1 },
    ]);
    const top2 = await aggregateReport(handle, accountId, window, { topFailureReasons: 2 });
    expect(top2.failureReasons.map((reason) => reason.label)).toEqual(["HTTP 503", "timeout"]);
    expect(top2.failed).toBe(7);
  });

  it("lists profiles auto-disabled in the window that are still auto-disabled", async () => {
    const accountId = await seedAccount(handle);
    const disabled = (title: string, disabledAt: Date, status: 2 | 3 = 2, deletedAt?: Date) =>
      seedProfile(handle, accountId, {
        title,
        status,
        disabledAt,
        disabledReason: `${title} answered HTTP 410`,
        deletedAt,
      });
    const first = await disabled("First", window.start);
    const second = await disabled("Second", ms(-1, window.end));
    await disabled("Before", ms(-1, window.start));
    await disabled("After", window.end);
    await disabled("By hand", ms(60_000, window.start), 3);
    await disabled("Deleted", ms(60_000, window.start), 2, ms(120_000, window.start));

    const report = await aggregateReport(handle, accountId, window);
    expect(report.autoDisabledProfiles).toEqual([
      {
        profileId: first.profileId,
        title: "First",
        reason: "First answered HTTP 410",
        disabledAt: window.start,
      },
      {
        profileId: second.profileId,
        title: "Second",
        reason: "Second answered HTTP 410",
        disabledAt: ms(-1, window.end),
      },
    ]);
  });

  it("rejects a window that ends before it starts and a negative reason count", async () => {
    const accountId = await seedAccount(handle);
    await expect(
      aggregateReport(handle, accountId, { start: window.end, end: window.start }),
    ).rejects.toThrow(RangeError);
    await expect(
      aggregateReport(handle, accountId, window, { topFailureReasons: -1 }),
    ).rejects.toThrow(RangeError);
  });
});
