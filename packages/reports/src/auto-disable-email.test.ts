import { toDate } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { describe, expect, it } from "vitest";
import { NO_RECIPIENTS_REASON } from "./auto-disable-email.ts";
import {
  type SeededProfile,
  seedAccount,
  seedProfile,
  seedReportSettings,
} from "./testing/report-seed.ts";
import { useRunnerFixture } from "./testing/runner-fixture.ts";

const NOW = new Date("2026-06-10T08:00:00.000Z");
const MINUTE = 60_000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

interface NoticeRow extends Record<string, unknown> {
  disabled_at: unknown;
  status: string;
  attempts: number;
  error: string | null;
  recipients: string | null;
}

describe.each(testDrivers())("auto-disable notices on %s", (driver) => {
  const fx = useRunnerFixture(driver, { apiBaseUrl: "https://rebound.example" });
  const { runner } = fx;
  const notices = async (profile: SeededProfile) =>
    (
      await fx.handle.query<NoticeRow>(
        "select * from auto_disable_notices where profile_id = $1 order by disabled_at",
        [profile.id],
      )
    ).map((row) => ({ ...row, disabled_at: toDate(row.disabled_at) }));
  /** What the dispatcher does on an auto-disable. */
  const autoDisable = (profile: SeededProfile, disabledAt: Date, reason: string) =>
    fx.handle.query(
      "update callback_profiles set status = 2, disabled_at = $2, disabled_reason = $3 where id = $1",
      [profile.id, disabledAt.toISOString(), reason],
    );
  /** What `PATCH {"status": 1}` does to the profile row. */
  const reEnable = (profile: SeededProfile) =>
    fx.handle.query(
      "update callback_profiles set status = 1, disabled_at = null, disabled_reason = null where id = $1",
      [profile.id],
    );
  const accountWithRecipients = async (emails = "ops@acme.example, cto@acme.example") => {
    const accountId = await seedAccount(fx.handle, "Europe/London");
    // Reports switched off: the recipients are still told about a disabled profile.
    await seedReportSettings(fx.handle, accountId, {
      enabled: false,
      frequencies: [],
      emails,
      createdAt: at(-30 * 24 * 60 * MINUTE),
    });
    return accountId;
  };

  it("emails the report recipients once about an auto-disabled profile", async () => {
    const accountId = await accountWithRecipients();
    const profile = await seedProfile(fx.handle, accountId, { title: "Shipping hook" });
    await seedProfile(fx.handle, accountId, { title: "Healthy hook" });
    await autoDisable(profile, at(-MINUTE), "HTTP 410 Gone; profile disabled");

    const { notices: sent } = await runner().runDue(NOW);
    await runner().runDue(at(MINUTE));
    await runner().runDue(at(60 * MINUTE));

    expect(sent).toEqual([expect.objectContaining({ outcome: "sent", recorded: true })]);
    expect(fx.mail.sent).toHaveLength(1);
    const [message] = fx.mail.sent;
    expect(message).toMatchObject({
      to: ["ops@acme.example", "cto@acme.example"],
      subject: 'Callback profile "Shipping hook" was auto-disabled',
      headers: { "X-Rebound-Notice": "profile-auto-disabled" },
      idempotencyKey: `auto-disabled:${profile.id}:${at(-MINUTE).toISOString()}`,
    });
    expect(message?.text).toContain("HTTP 410 Gone; profile disabled");
    expect(message?.text).toContain(profile.profileId);
    expect(message?.text).toContain("https://rebound.example/v1/");
    expect(await notices(profile)).toEqual([
      expect.objectContaining({
        disabled_at: at(-MINUTE),
        status: "sent",
        attempts: 1,
        error: null,
        recipients: "ops@acme.example, cto@acme.example",
      }),
    ]);
  });

  it("notifies again after the profile is re-enabled and auto-disabled once more", async () => {
    const accountId = await accountWithRecipients();
    const profile = await seedProfile(fx.handle, accountId, { title: "Flaky hook" });
    await autoDisable(profile, at(-MINUTE), "HTTP 410 Gone; profile disabled");
    await runner().runDue(NOW);

    await reEnable(profile);
    await runner().runDue(at(MINUTE));
    await autoDisable(profile, at(2 * MINUTE), "20 consecutive failed deliveries since …");
    await runner().runDue(at(3 * MINUTE));
    await runner().runDue(at(4 * MINUTE));

    expect(fx.mail.sent.map((message) => message.text.includes("20 consecutive"))).toEqual([
      false,
      true,
    ]);
    expect((await notices(profile)).map((row) => [row.disabled_at, row.status])).toEqual([
      [at(-MINUTE), "sent"],
      [at(2 * MINUTE), "sent"],
    ]);
  });

  it("records the notice as skipped when the account has no report recipients", async () => {
    const accountId = await seedAccount(fx.handle);
    const profile = await seedProfile(fx.handle, accountId, {
      title: "Lonely hook",
      status: 2,
      disabledAt: at(-MINUTE),
      disabledReason: "HTTP 410 Gone; profile disabled",
    });

    const { notices: results } = await runner().runDue(NOW);
    await runner().runDue(at(MINUTE));

    expect(results).toEqual([expect.objectContaining({ outcome: "skipped" })]);
    expect(fx.mail.calls).toEqual([]);
    expect(await notices(profile)).toEqual([
      expect.objectContaining({ status: "skipped", error: NO_RECIPIENTS_REASON, attempts: 0 }),
    ]);
  });

  it("leaves alone profiles disabled by their owner, deleted, or disabled over 7 days ago", async () => {
    const accountId = await accountWithRecipients();
    await seedProfile(fx.handle, accountId, {
      title: "Paused",
      status: 3,
      disabledAt: at(-MINUTE),
    });
    await seedProfile(fx.handle, accountId, {
      title: "Gone",
      status: 2,
      disabledAt: at(-MINUTE),
      deletedAt: at(-1000),
    });
    await seedProfile(fx.handle, accountId, {
      title: "Old",
      status: 2,
      disabledAt: at(-7 * 24 * 60 * MINUTE - 1),
    });

    expect((await runner().runDue(NOW)).notices).toEqual([]);
    expect(fx.mail.calls).toEqual([]);
  });

  it("records a failed notice with its error and retries it on a later tick", async () => {
    const accountId = await accountWithRecipients();
    const profile = await seedProfile(fx.handle, accountId, { title: "Shipping hook" });
    await autoDisable(profile, at(-MINUTE), "HTTP 410 Gone; profile disabled");
    fx.mail.respondWith({ ok: false, error: "Resend 500: internal error", retryable: true });

    await runner({ mailRetry: { attempts: 1 } }).runDue(NOW);
    expect(await notices(profile)).toEqual([
      expect.objectContaining({
        status: "failed",
        error: "Resend 500: internal error",
        attempts: 1,
      }),
    ]);

    await runner().runDue(at(10 * MINUTE));

    expect(fx.mail.calls).toHaveLength(2);
    expect(fx.mail.calls[0]?.idempotencyKey).toBe(fx.mail.calls[1]?.idempotencyKey);
    expect(await notices(profile)).toEqual([
      expect.objectContaining({ status: "sent", error: null, attempts: 2 }),
    ]);
  });
});
