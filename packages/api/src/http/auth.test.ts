import { callbackProfiles } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeApiKey } from "../accounts/index.ts";
import {
  type ApiFixture,
  createApiFixture,
  SEED_CREATE_BODY,
  type TestAccount,
} from "../testing/api-fixture.ts";

describe.each(testDrivers())("authentication and tenant isolation on %s", (driver) => {
  let fx: ApiFixture;
  let a: TestAccount;
  let b: TestAccount;
  let bProfileId: string;
  const profiles = (acct: TestAccount) => `/v1/${acct.sid}/callback/profiles`;

  beforeAll(async () => {
    fx = await createApiFixture(driver);
    a = await fx.newAccount("A");
    b = await fx.newAccount("B");
    await fx.call("POST", profiles(a), {
      apiKey: a.apiKey,
      body: { ...SEED_CREATE_BODY, title: "A profile" },
    });
    const created = await fx.call("POST", profiles(b), {
      apiKey: b.apiKey,
      body: { ...SEED_CREATE_BODY, title: "B secret profile" },
    });
    bProfileId = String(created.body.data.profile_id);
  });
  afterAll(async () => {
    await fx?.close();
  });

  it.each([
    ["no api-key header", undefined, "api-key header is required"],
    ["an empty api-key", "", "api-key header is required"],
    ["an unknown api-key", "rbk_not-a-real-key", "api-key is not valid"],
    ["an overlong api-key", "x".repeat(1000), "api-key is not valid"],
  ])("answers 401 to %s", async (_name, apiKey, message) => {
    const { status, body } = await fx.call("GET", profiles(a), { apiKey });
    expect(status).toBe(401);
    expect(body).toEqual({
      code: "RBC401",
      message,
      data: {},
      error: [{ headers: message }],
      status: 401,
    });
  });

  it("answers 401 to a revoked key", async () => {
    const c = await fx.newAccount("C");
    await revokeApiKey(fx.handle.db, c.apiKey);
    const { status, body } = await fx.call("GET", profiles(c), { apiKey: c.apiKey });
    expect(status).toBe(401);
    expect(body.message).toBe("api-key is not valid");
  });

  it("answers 404 with no data when A's key is used on B's sid, for every endpoint", async () => {
    const calls: [string, string, unknown][] = [
      ["GET", profiles(b), undefined],
      ["POST", profiles(b), { ...SEED_CREATE_BODY, title: "Intruder" }],
      ["GET", `${profiles(b)}/${bProfileId}`, undefined],
      ["PATCH", `${profiles(b)}/${bProfileId}`, { title: "Hijacked" }],
      ["DELETE", `${profiles(b)}/${bProfileId}`, undefined],
    ];
    for (const [method, path, body] of calls) {
      const response = await fx.call(method, path, { apiKey: a.apiKey, body });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        code: "RBC302",
        message: `account ${b.sid} not found`,
        data: {},
        error: [{ params: `account ${b.sid} not found` }],
        status: 404,
      });
    }
  });

  it("answers 404 to A's key on B's profile id under A's sid and leaves B's profile unchanged", async () => {
    const [before] = await fx.handle.db
      .select()
      .from(callbackProfiles)
      .where(eq(callbackProfiles.profileId, bProfileId));
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const response = await fx.call(method, `${profiles(a)}/${bProfileId}`, {
        apiKey: a.apiKey,
        ...(method === "PATCH" ? { body: { title: "Hijacked" } } : {}),
      });
      expect(response.status).toBe(404);
      expect(response.body.message).toBe(`params/id profile ${bProfileId} not found`);
      expect(JSON.stringify(response.body)).not.toContain("B secret profile");
    }
    const [after] = await fx.handle.db
      .select()
      .from(callbackProfiles)
      .where(eq(callbackProfiles.profileId, bProfileId));
    expect(after).toEqual(before);
    expect(after?.deletedAt).toBeNull();
  });

  it("never lists another account's profiles", async () => {
    const { body } = await fx.call("GET", profiles(a), { apiKey: a.apiKey });
    expect(body.data.total).toBe(1);
    expect(JSON.stringify(body.data)).not.toContain("B secret profile");
  });

  it("allows the same title in two accounts", async () => {
    const { status } = await fx.call("POST", profiles(a), {
      apiKey: a.apiKey,
      body: { ...SEED_CREATE_BODY, title: "B secret profile" },
    });
    expect(status).toBe(201);
  });
});

describe.each(testDrivers())("rate limiting on %s", (driver) => {
  let fx: ApiFixture;
  beforeAll(async () => {
    fx = await createApiFixture(driver, { rateLimitPerMinute: 2 });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("answers 429 with Retry-After once a key's budget is spent, per key", async () => {
    const a = await fx.newAccount();
    const b = await fx.newAccount();
    const list = (acct: TestAccount) =>
      fx.call("GET", `/v1/${acct.sid}/callback/profiles`, { apiKey: acct.apiKey });
    expect((await list(a)).status).toBe(200);
    expect((await list(a)).status).toBe(200);
    const limited = await list(a);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: "RBC429", status: 429, data: {} });
    expect(limited.headers.get("retry-after")).toBe("30");
    expect((await list(b)).status).toBe(200);
    fx.clock.nowMs += 30_000;
    expect((await list(a)).status).toBe(200);
  });
});
