import type { DbHandle } from "@rebound/db";
import { createTestDatabase, testDrivers } from "@rebound/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMemoryTransport, type MemoryTransport } from "./mail/testing/memory-transport.ts";
import type { MailRunContext } from "./mail-run-context.ts";
import { createReportRunner } from "./report-runner.ts";
import { claimReportRun } from "./report-runs.ts";
import { sendReportNow } from "./report-send-now.ts";
import {
  seedAccount,
  seedDelivery,
  seedProfile,
  seedReportSettings,
} from "./testing/report-seed.ts";

const MINUTE = 60_000;
// America/New_York: weekly sends on Wednesdays 17:00 EDT = 21:00 UTC.
const WEEK_END = new Date("2026-06-10T21:00:00.000Z");
const WEEK_START = new Date("2026-06-03T21:00:00.000Z");
const LATER = new Date("2026-06-12T09:00:00.000Z");

describe.each(testDrivers())("sendReportNow on %s", (driver) => {
  let handle: DbHandle;
  let mail: MemoryTransport;
  let clock: Date;
  let sid: string;
  let accountId: string;
  const context = (): MailRunContext => ({
    handle,
    mail,
    from: "Rebound <reports@rebound.example>",
    now: () => clock,
    leaseMs: 10 * MINUTE,
    retryIntervalMs: 10 * MINUTE,
    retryForMs: 24 * 60 * MINUTE,
    mailRetry: { sleep: async () => {} },
  });
  const sendWeekly = (at = LATER) =>
    sendReportNow(context(), { accountSid: sid, frequency: "weekly", at });

  beforeAll(async () => {
    handle = await createTestDatabase(driver);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.query("truncate accounts cascade");
    mail = createMemoryTransport();
    clock = LATER;
    accountId = await seedAccount(handle, "America/New_York");
    const [row] = await handle.query<{ sid: string }>("select sid from accounts where id = $1", [
      accountId,
    ]);
    sid = row?.sid ?? "";
    await seedReportSettings(handle, accountId, {
      enabled: false,
      frequencies: [],
      emails: "ops@acme.example",
      createdAt: new Date("2026-01-01T00:00:00Z"),
    });
  });

  it("sends the report of the latest scheduled send at or before `at`", async () => {
    const profile = await seedProfile(handle, accountId, { title: "Orders" });
    await seedDelivery(handle, {
      accountId,
      profileId: profile.id,
      status: "delivered",
      completedAt: new Date(WEEK_END.getTime() - MINUTE),
    });
    await seedDelivery(handle, {
      accountId,
      profileId: profile.id,
      status: "delivered",
      completedAt: new Date(WEEK_END.getTime() + MINUTE), // the next week
    });

    const result = await sendWeekly();

    expect(result).toMatchObject({
      outcome: "sent",
      recorded: true,
      recipients: ["ops@acme.example"],
      run: { frequency: "weekly", window: { start: WEEK_START, end: WEEK_END } },
      report: { delivered: 1, failed: 0 },
    });
    expect(mail.sent.map((message) => message.subject)).toEqual([
      "Weekly callback report for Report test company: 1 delivered, 0 failed",
    ]);
  });

  it("never sends a window twice, whether the scheduler or a hand sent it first", async () => {
    await sendWeekly();
    const again = await sendWeekly(new Date(WEEK_END.getTime() + 1));
    // The scheduler, with weekly reports switched on, finds the window taken.
    await handle.query(
      `update report_settings set enabled = true, frequencies = '["weekly"]' where account_id = $1`,
      [accountId],
    );
    const runner = createReportRunner({
      handle,
      mail,
      from: "Rebound <reports@rebound.example>",
      logger: { info: () => {}, warn: () => {} },
    });
    const tick = await runner.runDue(LATER);

    expect(again).toMatchObject({ outcome: "already-sent", run: { status: "sent" } });
    expect(tick.reports).toEqual([]);
    expect(mail.calls).toHaveLength(1);
  });

  it("leaves a window another process is sending alone until its lease expires", async () => {
    await claimReportRun(handle, {
      accountId,
      frequency: "weekly",
      window: { start: WEEK_START, end: WEEK_END },
      now: LATER,
      leaseMs: 10 * MINUTE,
    });

    const busy = await sendWeekly();
    clock = new Date(LATER.getTime() + 10 * MINUTE);
    const taken = await sendWeekly();

    expect(busy).toMatchObject({ outcome: "in-progress", run: { status: "sending" } });
    expect(taken).toMatchObject({ outcome: "sent" });
    expect(mail.sent).toHaveLength(1);
  });

  it("sends a failed window again by hand, even when no retry was due", async () => {
    mail.respondWith({ ok: false, error: "SMTP 550 mailbox unavailable", retryable: false });
    const failed = await sendWeekly();
    const resent = await sendWeekly();

    expect(failed).toMatchObject({ outcome: "failed", error: "SMTP 550 mailbox unavailable" });
    expect(resent).toMatchObject({ outcome: "sent", attempts: 1 });
    const [run] = await handle.query<{ status: string; attempts: number; error: string | null }>(
      "select status, attempts, error from report_runs where account_id = $1",
      [accountId],
    );
    expect(run).toEqual({ status: "sent", attempts: 2, error: null });
  });

  it("starts the window where the last recorded one of that frequency ended", async () => {
    const shortened = new Date(WEEK_START.getTime() + 24 * 60 * MINUTE);
    await claimReportRun(handle, {
      accountId,
      frequency: "weekly",
      window: { start: new Date("2026-05-27T21:00:00Z"), end: shortened },
      now: LATER,
      leaseMs: 0,
    });
    await handle.query("update report_runs set status = 'sent'");

    const result = await sendWeekly();

    expect(result).toMatchObject({ run: { window: { start: shortened, end: WEEK_END } } });
  });

  it("names what is missing: an unknown account, no recipients", async () => {
    await expect(
      sendReportNow(context(), { accountSid: "AC_NOPE", frequency: "daily", at: LATER }),
    ).resolves.toEqual({ outcome: "unknown-account" });
    await handle.query("update report_settings set emails = ''");
    await expect(sendWeekly()).resolves.toMatchObject({ outcome: "no-recipients" });
    expect(mail.calls).toEqual([]);
  });

  it("refuses a window that has not ended yet", async () => {
    await expect(sendWeekly(new Date(LATER.getTime() + 1))).rejects.toThrow("in the future");
  });
});
