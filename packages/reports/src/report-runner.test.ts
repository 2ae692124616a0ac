import { createDb, type DbHandle, toDate, toDateOrNull } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryTransport } from "./mail/testing/memory-transport.ts";
import { claimReportRun, reportIdempotencyKey } from "./report-runs.ts";
import {
  seedAccount,
  seedDelivery,
  seedProfile,
  seedReportSettings,
} from "./testing/report-seed.ts";
import { useRunnerFixture } from "./testing/runner-fixture.ts";

const TIME_ZONE = "Asia/Kolkata";
// Daily sends at 17:00 IST = 11:30 UTC.
const WINDOW = {
  start: new Date("2026-03-24T11:30:00.000Z"),
  end: new Date("2026-03-25T11:30:00.000Z"),
};
const SETTINGS_SAVED = new Date("2026-03-01T00:00:00.000Z");
const MINUTE = 60_000;
const at = (from: Date, offsetMs: number) => new Date(from.getTime() + offsetMs);
const AFTER_END = at(WINDOW.end, MINUTE);

interface RunRow extends Record<string, unknown> {
  frequency: string;
  window_start: Date;
  window_end: Date;
  status: string;
  attempts: number;
  error: string | null;
  provider_message_id: string | null;
  recipients: string | null;
  lease_expires_at: Date | null;
  retry_at: Date | null;
}

describe.each(testDrivers())("report runner on %s", (driver) => {
  const fx = useRunnerFixture(driver);
  const { runner } = fx;
  const runs = async (accountId: string) =>
    (
      await fx.handle.query<RunRow>(
        "select * from report_runs where account_id = $1 order by frequency, window_end",
        [accountId],
      )
    ).map((row) => ({
      ...row,
      window_start: toDate(row.window_start),
      window_end: toDate(row.window_end),
      lease_expires_at: toDateOrNull(row.lease_expires_at),
      retry_at: toDateOrNull(row.retry_at),
    }));
  /** An account in Kolkata with daily reports to two recipients, saved weeks ago. */
  const reportingAccount = async (
    frequencies: Array<"daily" | "weekly" | "monthly"> = ["daily"],
  ) => {
    const accountId = await seedAccount(fx.handle, TIME_ZONE);
    await seedReportSettings(fx.handle, accountId, {
      frequencies,
      emails: "ops@acme.example, cto@acme.example",
      createdAt: SETTINGS_SAVED,
    });
    return accountId;
  };

  it("sends a due window's report once, with its counts, and records it", async () => {
    const accountId = await reportingAccount();
    const profile = await seedProfile(fx.handle, accountId, { title: "Orders" });
    for (const [status, completedAt] of [
      ["delivered", at(WINDOW.start, MINUTE)],
      ["delivered", at(WINDOW.end, -1)],
      ["failed", at(WINDOW.start, 2 * MINUTE)],
      ["delivered", at(WINDOW.start, -1)], // the previous window
      ["delivered", WINDOW.end], // the next window
    ] as const) {
      await seedDelivery(fx.handle, { accountId, profileId: profile.id, status, completedAt });
    }

    const first = await runner().runDue(AFTER_END);
    const again = await runner().runDue(at(AFTER_END, MINUTE));

    expect(first.reports).toHaveLength(1);
    expect(again.reports).toEqual([]);
    expect(fx.mail.sent).toHaveLength(1);
    const [message] = fx.mail.sent;
    expect(message).toMatchObject({
      from: "Rebound <reports@rebound.example>",
      to: ["ops@acme.example", "cto@acme.example"],
      subject: "Daily callback report for Report test company: 2 delivered, 1 failed",
      headers: { "X-Rebound-Report": "daily" },
      idempotencyKey: `report:${accountId}:daily:2026-03-25T11:30:00.000Z`,
    });
    expect(message?.text).toContain("Orders");
    expect(await runs(accountId)).toEqual([
      expect.objectContaining({
        frequency: "daily",
        window_start: WINDOW.start,
        window_end: WINDOW.end,
        status: "sent",
        attempts: 1,
        error: null,
        provider_message_id: "memory-1",
        recipients: "ops@acme.example, cto@acme.example",
        lease_expires_at: null,
        retry_at: null,
      }),
    ]);
  });

  it("reports a window only once it has settled, 30 s after its end", async () => {
    const accountId = await reportingAccount();
    const ends = async () => (await runs(accountId)).map((run) => run.window_end);

    await runner().runDue(at(WINDOW.end, 20_000));
    expect(await ends()).toEqual([WINDOW.start]); // the window before

    await runner().runDue(at(WINDOW.end, 30_000));
    expect(await ends()).toEqual([WINDOW.start, WINDOW.end]);
    expect(fx.mail.sent).toHaveLength(2);
  });

  it("sends only the latest window missed during downtime, once, when it starts", async () => {
    const accountId = await reportingAccount(["daily", "weekly"]);
    // Down for three days: three daily sends and the Wednesday weekly send missed.
    const now = new Date("2026-03-28T02:00:00.000Z");

    const first = runner({ now: () => now });
    await first.start();
    await first.shutdown();
    const second = runner({ now: () => now });
    await second.start();
    await second.shutdown();

    const frequencies = fx.mail.sent.map((message) => message.headers?.["X-Rebound-Report"]);
    expect(frequencies.sort()).toEqual(["daily", "weekly"]);
    const recorded = await runs(accountId);
    expect(recorded.map((run) => [run.frequency, run.window_end, run.status])).toEqual([
      ["daily", new Date("2026-03-27T11:30:00.000Z"), "sent"],
      ["weekly", new Date("2026-03-25T11:30:00.000Z"), "sent"],
    ]);
    expect(fx.mail.closed).toBe(true);
  });

  it("does not send windows that ended before the settings were first saved", async () => {
    const accountId = await seedAccount(fx.handle, TIME_ZONE);
    await seedReportSettings(fx.handle, accountId, {
      emails: "ops@acme.example",
      createdAt: at(WINDOW.end, 10 * MINUTE),
    });

    expect((await runner().runDue(at(WINDOW.end, 20 * MINUTE))).reports).toEqual([]);
    const nextEnd = at(WINDOW.end, 24 * 60 * MINUTE);
    await runner().runDue(at(nextEnd, MINUTE));
    expect((await runs(accountId)).map((run) => [run.window_start, run.window_end])).toEqual([
      [WINDOW.end, nextEnd],
    ]);
  });

  it("records a refused email as failed with the error, and does not send it again", async () => {
    const accountId = await reportingAccount();
    fx.mail.respondWith({ ok: false, error: "SMTP 550 mailbox unavailable", retryable: false });

    const { reports } = await runner().runDue(AFTER_END);
    await runner().runDue(at(AFTER_END, 11 * MINUTE));

    expect(reports).toEqual([
      expect.objectContaining({
        outcome: "failed",
        error: "SMTP 550 mailbox unavailable",
        retryAt: null,
      }),
    ]);
    expect(fx.mail.calls).toHaveLength(1);
    const [run] = await runs(accountId);
    expect(run).toMatchObject({
      status: "failed",
      error: "SMTP 550 mailbox unavailable",
      attempts: 1,
      retry_at: null,
      lease_expires_at: null,
    });
  });

  it("retries a retryable failure on a later tick with the same key, until it is sent", async () => {
    const accountId = await reportingAccount();
    const busy = { ok: false as const, error: "SMTP 421 try again later", retryable: true };
    fx.mail.respondWith(busy, busy, busy);

    await runner().runDue(AFTER_END);
    const [failed] = await runs(accountId);
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 3,
      retry_at: at(AFTER_END, 10 * MINUTE),
    });

    await runner().runDue(at(AFTER_END, 9 * MINUTE));
    expect(fx.mail.calls).toHaveLength(3);
    await runner().runDue(at(AFTER_END, 10 * MINUTE));

    expect(fx.mail.calls).toHaveLength(4);
    expect(new Set(fx.mail.calls.map((message) => message.idempotencyKey)).size).toBe(1);
    const [sent] = await runs(accountId);
    expect(sent).toMatchObject({ status: "sent", attempts: 4, error: null, retry_at: null });
  });

  it("gives up retrying a day after the window ended", async () => {
    const accountId = await reportingAccount();
    fx.mail.respondWith({ ok: false, error: "SMTP 421 try again later", retryable: true });

    await runner({ mailRetry: { attempts: 1 } }).runDue(at(WINDOW.end, 24 * 60 * MINUTE - MINUTE));

    const [run] = await runs(accountId);
    expect(run).toMatchObject({ status: "failed", retry_at: null });
  });

  it("sends a claim left `sending` mid-send again, once, when the provider drops repeats", async () => {
    const accountId = await reportingAccount();
    const stuck = fx.mail.hold();
    const crashed = runner().runDue(AFTER_END); // claims, then hangs in the middle of the send
    await waitUntil(() => fx.mail.calls.length === 1);
    const [claimed] = await runs(accountId);
    expect(claimed).toMatchObject({
      status: "sending",
      lease_expires_at: at(AFTER_END, 10 * MINUTE),
    });

    // Resend-like: a repeat of the same idempotency key is dropped by the provider.
    const heal = createMemoryTransport({ dropsRepeats: true });
    const other = () => runner({ mail: heal });
    expect((await other().runDue(at(AFTER_END, 9 * MINUTE))).reports).toEqual([]);
    const { reports } = await other().runDue(at(AFTER_END, 11 * MINUTE));
    await other().runDue(at(AFTER_END, 12 * MINUTE));

    expect(reports).toEqual([expect.objectContaining({ outcome: "sent", recorded: true })]);
    expect(heal.sent).toHaveLength(1);
    expect(heal.sent[0]?.idempotencyKey).toBe(fx.mail.calls[0]?.idempotencyKey);
    expect(heal.sent[0]?.idempotencyKey).toBe(
      reportIdempotencyKey({ accountId, frequency: "daily", window: WINDOW }),
    );
    // The crashed sender comes back to life: its late outcome does not overwrite the record.
    stuck.release();
    expect((await crashed).reports).toEqual([
      expect.objectContaining({ outcome: "sent", recorded: false }),
    ]);
    const [run] = await runs(accountId);
    expect(run).toMatchObject({ status: "sent", attempts: 1, provider_message_id: "memory-1" });
  });

  it("does not send a claim left `sending` mid-send again through SMTP or the outbox", async () => {
    const accountId = await reportingAccount();
    const stuck = fx.mail.hold();
    const crashed = runner().runDue(AFTER_END); // claims, then hangs in the middle of the send
    await waitUntil(() => fx.mail.calls.length === 1);

    const other = createMemoryTransport();
    const { reports } = await runner({ mail: other }).runDue(at(AFTER_END, 11 * MINUTE));
    await runner({ mail: other }).runDue(at(AFTER_END, 30 * MINUTE));

    // It may have gone out: recorded as a final failure saying so, never sent twice.
    expect(reports).toEqual([]);
    expect(other.calls).toEqual([]);
    const [settled] = await runs(accountId);
    expect(settled).toMatchObject({ status: "failed", retry_at: null, lease_expires_at: null });
    expect(settled?.error).toContain("outcome unknown");
    // The stalled sender finishes after all: its success is what is recorded.
    stuck.release();
    expect((await crashed).reports).toEqual([
      expect.objectContaining({ outcome: "sent", recorded: true }),
    ]);
    expect((await runs(accountId))[0]).toMatchObject({ status: "sent", error: null });
  });

  it("re-sends a claim whose process died before sending anything", async () => {
    const accountId = await reportingAccount();
    await claimReportRun(fx.handle, {
      accountId,
      frequency: "daily",
      window: WINDOW,
      now: AFTER_END,
      leaseMs: 10 * MINUTE,
    });

    expect((await runner().runDue(at(AFTER_END, 5 * MINUTE))).reports).toEqual([]);
    await runner().runDue(at(AFTER_END, 10 * MINUTE));

    expect(fx.mail.sent).toHaveLength(1);
    expect((await runs(accountId))[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("records a failure to prepare the report as a retryable failure", async () => {
    const accountId = await reportingAccount();
    await fx.handle.query("update accounts set timezone = 'Mars/Olympus_Mons' where id = $1", [
      accountId,
    ]);
    await claimReportRun(fx.handle, {
      accountId,
      frequency: "daily",
      window: WINDOW,
      now: AFTER_END,
      leaseMs: 0,
    });

    const { reports } = await runner().runDue(AFTER_END);

    // The schedule of an unknown zone cannot be computed: reported, and the account skipped.
    expect(fx.errors).toHaveLength(1);
    expect(String(fx.errors[0])).toContain("Mars/Olympus_Mons");
    fx.errors.length = 0;
    // The claimed run's email cannot be rendered in that zone: recorded, retried later.
    expect(reports).toEqual([
      expect.objectContaining({
        outcome: "failed",
        attempts: 0,
        retryAt: at(AFTER_END, 10 * MINUTE),
      }),
    ]);
    expect(fx.mail.calls).toEqual([]);
  });

  it("waits for the tick in progress on shutdown, which can be called twice", async () => {
    await reportingAccount();
    const stuck = fx.mail.hold();
    const instance = runner({ now: () => AFTER_END });
    const started = instance.start();
    await waitUntil(() => fx.mail.calls.length === 1);

    let stopped = false;
    const first = instance.shutdown().then(() => {
      stopped = true;
    });
    const second = instance.shutdown();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    stuck.release();
    await Promise.all([first, second, started]);

    expect(fx.mail.sent).toHaveLength(1);
    expect(fx.mail.closed).toBe(true);
  });

  it("refuses a schedule that is not a cron expression", () => {
    expect(() => runner({ tickCron: "every minute" })).toThrow("not a cron expression");
  });

  describe("with several runners", () => {
    let second: DbHandle;
    beforeAll(async () => {
      // On PostgreSQL a second connection pool, as a second process would have.
      second =
        fx.handle.config.driver === "postgres"
          ? await createDb({ driver: "postgres", url: fx.handle.config.url, maxConnections: 4 })
          : fx.handle;
    });
    afterAll(async () => {
      if (second !== fx.handle) await second.close();
    });

    it("sends each due report and each auto-disable notice exactly once", async () => {
      const accounts: string[] = [];
      for (let index = 0; index < 12; index += 1) {
        const accountId = await reportingAccount(["daily", "weekly"]);
        accounts.push(accountId);
        if (index % 3 === 0) {
          await seedProfile(fx.handle, accountId, {
            title: `Dead ${index}`,
            status: 2,
            disabledAt: at(AFTER_END, -MINUTE),
            disabledReason: "HTTP 410 Gone; profile disabled",
          });
        }
      }
      const mails = [createMemoryTransport(), createMemoryTransport(), createMemoryTransport()];
      const runners = mails.map((transport, index) =>
        runner({ handle: index === 0 ? fx.handle : second, mail: transport }),
      );

      await Promise.all(runners.map((instance) => instance.runDue(AFTER_END)));

      const sent = mails.flatMap((transport) => transport.sent);
      const keys = sent.map((message) => message.idempotencyKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.filter((key) => key?.startsWith("report:"))).toHaveLength(24);
      expect(keys.filter((key) => key?.startsWith("auto-disabled:"))).toHaveLength(4);
      const [{ count } = { count: -1 }] = await fx.handle.query<{ count: number }>(
        "select count(*)::int as count from report_runs where status = 'sent'",
      );
      expect(count).toBe(24);
    });
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met within 10 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
