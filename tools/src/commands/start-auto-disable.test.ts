// End to end under Bun (embedded PGlite): a 410 Gone disables a profile at once, and a streak of
// final failures disables it once it is long enough in count and time (thresholds lowered with
// REBOUND_AUTO_DISABLE_MIN_FAILURES / _MIN_DURATION_MS). Pending and later callbacks are held, the
// reason and time are recorded, and after a restart PATCHing the status back to 1 releases the
// held callbacks, which are delivered.
import type { DbHandle } from "@rebound/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountApi } from "../testing/account-api.ts";
import {
  type EmbeddedRebound,
  openStoppedDataDir,
  removeDataDir,
  startEmbedded,
  tempDataDir,
} from "../testing/embedded-rebound.ts";
import { type Receiver, startReceiver } from "../testing/receiver.ts";
import { sleep } from "../testing/wait-for.ts";

interface ProfileHealthRow extends Record<string, unknown> {
  profile_id: string;
  status: number;
  disabled_reason: string | null;
  disabled_at: Date | null;
  consecutive_final_failures: number;
  first_final_failure_at: Date | null;
}

const MIN_FAILURES = 3;
const MIN_DURATION_MS = 4000;
const ENV = {
  REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8",
  REBOUND_AUTO_DISABLE_MIN_FAILURES: String(MIN_FAILURES),
  REBOUND_AUTO_DISABLE_MIN_DURATION_MS: String(MIN_DURATION_MS),
};

describe("auto-disable and re-enable (embedded, under Bun)", () => {
  const dataDir = tempDataDir("auto-disable");
  let receiver: Receiver;
  let running: EmbeddedRebound | undefined;
  let database: DbHandle | undefined;
  let api: AccountApi;
  /** Callbacks held while their profile is disabled, by name. */
  const held = new Map<string, string>();
  let goneProfile = "";
  let deadProfile = "";

  beforeAll(async () => {
    receiver = await startReceiver();
    running = await startEmbedded(dataDir, ENV);
    api = running.api;
  });

  afterAll(async () => {
    running?.rebound.kill();
    await database?.close();
    await receiver?.close();
    removeDataDir(dataDir);
  });

  const profileBody = (title: string, path: string, retrySchedule: number[]) => ({
    title,
    http_method: "POST",
    url: `${receiver.url}${path}/<key>`,
    body: { key: "<key>" },
    retry_schedule: retrySchedule,
  });
  const finished = (id: string) =>
    api.waitForCallback(
      id,
      (callback) => callback.status === "delivered" || callback.status === "failed",
      "delivered or failed",
    );

  it("disables a profile at once on 410 Gone and holds its pending and later callbacks", async () => {
    goneProfile = await api.createProfile(profileBody("Gone", "/gone", [30]));
    // "pending" fails once and waits 24-36 s for its retry; "gone" then answers 410.
    receiver.script("/gone/pending", { status: 500 });
    receiver.script("/gone/gone", { status: 410 });
    const pending = await api.trigger(goneProfile, { key: "pending" });
    await api.waitForCallback(
      pending.id,
      (callback) => callback.status === "pending" && callback.attempt_count === 1,
      "its first try",
    );

    const gone = await finished((await api.trigger(goneProfile, { key: "gone" })).id);

    expect(gone).toMatchObject({ status: "failed", attempt_count: 1, last_status_code: 410 });
    expect(gone.last_error).toBe("HTTP 410 Gone; profile disabled");
    expect((await api.profile(goneProfile)).status).toBe(2);
    await api.waitForCallback(pending.id, (callback) => callback.status === "held", "held");
    const later = await api.trigger(goneProfile, { key: "later" });
    expect(later.status).toBe("held");
    held.set("pending", pending.id).set("later", later.id);
    expect(receiver.to("/gone/later")).toEqual([]);
  });

  it(`disables a profile after ${MIN_FAILURES} final failures in a row lasting ≥ ${MIN_DURATION_MS} ms`, async () => {
    deadProfile = await api.createProfile(profileBody("Dead", "/dead", [1]));
    for (const key of ["one", "two", "three", "four"]) {
      receiver.script(`/dead/${key}`, { status: 500 }, { status: 500 });
    }

    const burst = await Promise.all(
      ["one", "two", "three"].map(async (key) =>
        finished((await api.trigger(deadProfile, { key })).id),
      ),
    );
    for (const callback of burst) {
      expect(callback).toMatchObject({
        status: "failed",
        last_error: "HTTP 500; gave up after 2 tries",
      });
    }
    // Three in a row, but within moments of each other: not yet long enough.
    expect((await api.profile(deadProfile)).status).toBe(1);

    const firstFailedAt = Math.min(
      ...burst.map((callback) => Date.parse(callback.completed_at ?? "")),
    );
    await sleep(Math.max(0, firstFailedAt + MIN_DURATION_MS - Date.now()));
    const fourth = await finished((await api.trigger(deadProfile, { key: "four" })).id);

    expect(fourth.status).toBe("failed");
    expect((await api.profile(deadProfile)).status).toBe(2);
    const later = await api.trigger(deadProfile, { key: "later" });
    expect(later.status).toBe("held");
    held.set("dead-later", later.id);
  });

  it("records the reason and time, and keeps the held callbacks across a stop", async () => {
    expect(await running?.rebound.stop("SIGTERM")).toBe(0);
    database = await openStoppedDataDir(dataDir);

    const profiles = await database.query<ProfileHealthRow>(
      `select profile_id, status, disabled_reason, disabled_at, consecutive_final_failures,
              first_final_failure_at
         from callback_profiles where profile_id = any($1::text[])`,
      [[goneProfile, deadProfile]],
    );
    const gone = profiles.find((row) => row.profile_id === goneProfile);
    const dead = profiles.find((row) => row.profile_id === deadProfile);
    expect(gone).toMatchObject({ status: 2, disabled_reason: "HTTP 410 Gone; profile disabled" });
    expect(gone?.disabled_at).toBeInstanceOf(Date);
    expect(dead).toMatchObject({ status: 2, consecutive_final_failures: 4 });
    expect(dead?.disabled_reason).toBe(
      `4 consecutive failed deliveries since ${dead?.first_final_failure_at?.toISOString()}`,
    );
    const streakMs =
      (dead?.disabled_at?.getTime() ?? 0) - (dead?.first_final_failure_at?.getTime() ?? 0);
    expect(streakMs).toBeGreaterThanOrEqual(MIN_DURATION_MS);
    const rows = await database.query<{ status: string; leased_by: string | null }>(
      "select status::text, leased_by from deliveries where id = any($1::uuid[])",
      [[...held.values()]],
    );
    expect(rows).toEqual([...held.values()].map(() => ({ status: "held", leased_by: null })));

    await database.close();
    database = undefined;
  });

  it("releases the held callbacks when the profile is set active again, and delivers them", async () => {
    running = await startEmbedded(dataDir, ENV, running?.credentials);
    api = running.api;

    for (const profileId of [goneProfile, deadProfile]) {
      const patched = await api.patchProfile(profileId, { status: 1 });
      expect(patched.status).toBe(200);
      expect((await api.profile(profileId)).status).toBe(1);
    }

    const [pending, later, deadLater] = await Promise.all(
      ["pending", "later", "dead-later"].map((name) => finished(held.get(name) ?? "")),
    );
    expect(pending).toMatchObject({ status: "delivered", attempt_count: 2 });
    expect(pending?.attempts.map((attempt) => attempt.status_code)).toEqual([500, 200]);
    expect(later).toMatchObject({ status: "delivered", attempt_count: 1 });
    expect(deadLater).toMatchObject({ status: "delivered", attempt_count: 1 });
    expect(receiver.to("/gone/later")).toHaveLength(1);
    expect(receiver.to("/dead/later")).toHaveLength(1);
  });
});
