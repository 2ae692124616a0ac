import { activeSigningSecrets, callbackProfiles } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiFixture,
  createApiFixture,
  SEED_CREATE_BODY,
  type TestAccount,
} from "../testing/api-fixture.ts";

describe.each(testDrivers())("signing secret routes on %s", (driver) => {
  let fx: ApiFixture;
  let acct: TestAccount;
  let other: TestAccount;
  const base = (account = acct) => `/v1/${account.sid}/callback/profiles`;

  beforeAll(async () => {
    fx = await createApiFixture(driver);
    acct = await fx.newAccount();
    other = await fx.newAccount();
  });
  afterAll(async () => {
    await fx?.close();
  });

  async function create(account = acct) {
    const { body } = await fx.call("POST", base(account), {
      apiKey: account.apiKey,
      body: { ...SEED_CREATE_BODY, title: `Secret ${Math.random().toString(36).slice(2, 8)}` },
    });
    return { id: String(body.data.profile_id), secret: String(body.data.signing_secret) };
  }
  const row = async (id: string) => {
    const [found] = await fx.handle.db
      .select()
      .from(callbackProfiles)
      .where(eq(callbackProfiles.profileId, id));
    if (found === undefined) throw new Error("profile row missing");
    return found;
  };

  it("returns the signing secret given on create", async () => {
    const { id, secret } = await create();
    const { status, body } = await fx.call("GET", `${base()}/${id}/secret`, {
      apiKey: acct.apiKey,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: "RBC024", message: "Signing secret fetched successfully" });
    expect(body.data).toEqual({ signing_secret: secret });
  });

  it("rotates: a new secret, the previous one signing for 24 h, then gone", async () => {
    const { id, secret } = await create();
    const before = await row(id);
    const rotated = await fx.call("POST", `${base()}/${id}/secret/rotate`, { apiKey: acct.apiKey });
    expect(rotated.status).toBe(200);
    expect(rotated.body.message).toBe("Signing secret rotated successfully");
    const fresh = String(rotated.body.data.signing_secret);
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(secret);
    expect(rotated.body.data).toEqual({
      signing_secret: fresh,
      previous_signing_secret: secret,
      previous_expires_at: "2026-02-01T10:00:00.000Z",
    });
    const after = await row(id);
    expect(after.modifiedAt.getTime()).toBeGreaterThan(before.modifiedAt.getTime());
    expect(JSON.stringify(after)).not.toContain(fresh);
    expect(activeSigningSecrets(after, fx.secretBox, new Date(fx.clock.nowMs))).toEqual([
      fresh,
      secret,
    ]);

    fx.clock.nowMs += 24 * 60 * 60 * 1000;
    const later = await fx.call("GET", `${base()}/${id}/secret`, { apiKey: acct.apiKey });
    expect(later.body.data).toEqual({ signing_secret: fresh });
    expect(activeSigningSecrets(after, fx.secretBox, new Date(fx.clock.nowMs))).toEqual([fresh]);
  });

  it("answers 404 for another account's or a deleted profile, changing nothing", async () => {
    const theirs = await create(other);
    const gone = await create();
    await fx.call("DELETE", `${base()}/${gone.id}`, { apiKey: acct.apiKey });
    for (const id of [theirs.id, gone.id]) {
      for (const [method, path] of [
        ["GET", `${base()}/${id}/secret`],
        ["POST", `${base()}/${id}/secret/rotate`],
      ] as const) {
        const { status, body } = await fx.call(method, path, { apiKey: acct.apiKey });
        expect(status).toBe(404);
        expect(body.message).toBe(`params/id profile ${id} not found`);
      }
    }
    expect((await row(theirs.id)).previousSigningSecretSealed).toBeNull();
  });
});
