import { callbackProfiles } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiFixture,
  createApiFixture,
  SEED_CREATE_BODY,
  type TestAccount,
} from "../testing/api-fixture.ts";

const REASON = "20 consecutive failed deliveries since 2026-01-30T09:00:00.000Z";
const DISABLED_AT = "2026-01-31T09:30:00.000Z";
const FIRST_FAILURE_AT = "2026-01-30T09:00:00.000Z";

describe.each(testDrivers())("auto-disabled profiles on %s", (driver) => {
  let fx: ApiFixture;
  let acct: TestAccount;
  let titles = 0;
  const base = () => `/v1/${acct.sid}/callback/profiles`;
  const get = (id: string) => fx.call("GET", `${base()}/${id}`, { apiKey: acct.apiKey });
  const patch = (id: string, body: Record<string, unknown>) =>
    fx.call("PATCH", `${base()}/${id}`, { apiKey: acct.apiKey, body });

  async function createProfile(): Promise<string> {
    titles += 1;
    const { status, body } = await fx.call("POST", base(), {
      apiKey: acct.apiKey,
      body: { ...SEED_CREATE_BODY, title: `Auto disable ${titles}` },
    });
    expect(status).toBe(201);
    return String(body.data.profile_id);
  }

  /** What the dispatcher leaves behind when a streak disables a profile. */
  async function autoDisable(id: string, status: 2 | 3 = 2): Promise<void> {
    await fx.handle.db
      .update(callbackProfiles)
      .set({
        status,
        disabledReason: REASON,
        disabledAt: new Date(DISABLED_AT),
        consecutiveFinalFailures: 20,
        firstFinalFailureAt: new Date(FIRST_FAILURE_AT),
      })
      .where(eq(callbackProfiles.profileId, id));
  }

  async function streakOf(id: string) {
    const [row] = await fx.handle.db
      .select({
        failures: callbackProfiles.consecutiveFinalFailures,
        firstAt: callbackProfiles.firstFinalFailureAt,
      })
      .from(callbackProfiles)
      .where(eq(callbackProfiles.profileId, id));
    return { failures: row?.failures, firstAt: row?.firstAt?.toISOString() ?? null };
  }

  beforeAll(async () => {
    fx = await createApiFixture(driver);
    acct = await fx.newAccount();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("shows null disabled_reason and disabled_at for an active profile", async () => {
    const id = await createProfile();
    const { body } = await get(id);
    expect(body.data).toMatchObject({ status: 1, disabled_reason: null, disabled_at: null });
  });

  it("shows why and when a profile was auto-disabled in GET, the list and a PATCH", async () => {
    const id = await createProfile();
    await autoDisable(id);
    const disabled = { status: 2, disabled_reason: REASON, disabled_at: DISABLED_AT };
    expect((await get(id)).body.data).toMatchObject(disabled);
    const listed = await fx.call("GET", `${base()}?status=2`, { apiKey: acct.apiKey });
    expect(listed.body.data.profiles).toContainEqual(
      expect.objectContaining({ profile_id: id, ...disabled }),
    );
    const renamed = await patch(id, { title: `Renamed ${titles}` });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toMatchObject(disabled);
    expect(await streakOf(id)).toEqual({ failures: 20, firstAt: FIRST_FAILURE_AT });
  });

  it.each([
    ["disabled_reason", "410 Gone"],
    ["disabled_at", null],
  ])("refuses %s in create and update as computed", async (field, value) => {
    const message = `body must NOT have additional properties: '${field}' (computed by Rebound, do not send it)`;
    const before = await fx.profileCount();
    const created = await fx.call("POST", base(), {
      apiKey: acct.apiKey,
      body: { ...SEED_CREATE_BODY, title: "Computed fields", [field]: value },
    });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({ code: "RBC302", message });
    expect(await fx.profileCount()).toBe(before);
    const id = await createProfile();
    await autoDisable(id);
    const updated = await patch(id, { status: 1, [field]: value });
    expect(updated.status).toBe(400);
    expect(updated.body).toMatchObject({ code: "RBC302", message });
    expect((await get(id)).body.data).toMatchObject({ status: 2, disabled_reason: REASON });
  });

  it.each([
    ["status 1", { status: 1 }],
    ["a URL change", { url: "https://example.com/new-hook" }],
  ])("re-enabling by %s clears the reason and restarts the failure streak", async (_name, body) => {
    const id = await createProfile();
    await autoDisable(id);
    const { status, body: response } = await patch(id, body);
    expect(status).toBe(200);
    expect(response.data).toMatchObject({ status: 1, disabled_reason: null, disabled_at: null });
    expect(await streakOf(id)).toEqual({ failures: 0, firstAt: null });
  });

  it("restarts the streak when an auto-disabled profile is disabled by hand, then enabled", async () => {
    const id = await createProfile();
    await autoDisable(id);
    expect((await patch(id, { status: 3 })).body.data).toMatchObject({
      status: 3,
      disabled_reason: REASON,
    });
    expect(await streakOf(id)).toEqual({ failures: 20, firstAt: FIRST_FAILURE_AT });
    const enabled = await patch(id, { status: 1 });
    expect(enabled.body.data).toMatchObject({ status: 1, disabled_reason: null });
    expect(await streakOf(id)).toEqual({ failures: 0, firstAt: null });
  });

  it("keeps the streak of a profile disabled by hand only (no auto-disable) when enabled", async () => {
    const id = await createProfile();
    await fx.handle.db
      .update(callbackProfiles)
      .set({
        status: 3,
        consecutiveFinalFailures: 5,
        firstFinalFailureAt: new Date(FIRST_FAILURE_AT),
      })
      .where(eq(callbackProfiles.profileId, id));
    expect((await patch(id, { status: 1 })).status).toBe(200);
    expect(await streakOf(id)).toEqual({ failures: 5, firstAt: FIRST_FAILURE_AT });
  });
});
