import type { ProfileEncryption } from "@rebound/core";
import { callbackProfiles, deliveries } from "@rebound/db";
import { testDrivers } from "@rebound/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiFixture,
  createApiFixture,
  SEED_CREATE_BODY,
  type TestAccount,
} from "../testing/api-fixture.ts";

describe.each(testDrivers())("profile routes on %s", (driver) => {
  let fx: ApiFixture;
  let acct: TestAccount;
  const base = () => `/v1/${acct.sid}/callback/profiles`;
  const create = (body: Record<string, unknown>) =>
    fx.call("POST", base(), { apiKey: acct.apiKey, body });

  beforeAll(async () => {
    fx = await createApiFixture(driver);
    acct = await fx.newAccount();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("creates the seed's sample profile with masked key and IV and a signing secret", async () => {
    const { status, body } = await create(SEED_CREATE_BODY);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      code: "RBC024",
      message: "Profile created successfully",
      error: {},
      status: 201,
    });
    expect(body.data).toMatchObject({
      title: "Callback_Profile_Test_1",
      http_method: "PUT",
      url: SEED_CREATE_BODY.url,
      headers: { "x-api-key": "A-RANDOM-API-KEY" },
      body: { name: "John Doe" },
      body_type: "json",
      response_message: "Expected response message",
      enc: { algo: "AES-128-GCM", key: "12xxxxxxxxxxxx34", IV: "12xxxxxxxxxxxx38" },
      channel: "sms",
      events: ["SMS-sent"],
      replacers: {},
      status: 1,
      created_at: "2026-01-31T10:00:00.000Z",
      modified_at: "2026-01-31T10:00:00.000Z",
    });
    expect(body.data.profile_id).toMatch(/^IN_[0-9a-f-]{36}$/);
    expect(body.data.signing_secret).toMatch(/^whsec_/);
    expect(body.data.warnings).toEqual([expect.stringMatching(/GCM/)]);
  });

  it("stores the enc settings and the signing secret sealed, never in clear", async () => {
    const { body } = await create({ ...SEED_CREATE_BODY, title: "Sealed check" });
    const [row] = await fx.handle.db
      .select()
      .from(callbackProfiles)
      .where(eq(callbackProfiles.profileId, String(body.data.profile_id)));
    expect(JSON.stringify(row)).not.toContain("12xxxxxxxxxxxx34");
    expect(JSON.stringify(row)).not.toContain(String(body.data.signing_secret));
    expect(fx.secretBox.open(row?.signingSecretSealed ?? "")).toBe(body.data.signing_secret);
    expect(JSON.parse(fx.secretBox.open(row?.encSealed ?? ""))).toMatchObject({
      key: "12xxxxxxxxxxxx34",
      IV: "12xxxxxxxxxxxx38",
    });
  });

  it("computes replacers from placeholders", async () => {
    const { status, body } = await create({
      title: "With replacers",
      http_method: "post",
      url: "https://example.com/hook/<order.id>",
      body: { phone: "<whatsapp_number>" },
    });
    expect(status).toBe(201);
    expect(body.data).toMatchObject({
      http_method: "POST",
      enc: null,
      channel: "default",
      replacers: { "<whatsapp_number>": "whatsapp_number", "<order.id>": "order.id" },
    });
  });

  it("answers the seed's failure for an empty body and writes nothing", async () => {
    const before = await fx.profileCount();
    const { status, body } = await create({});
    expect(status).toBe(400);
    expect(body.code).toBe("RBC302");
    expect(body.message).toBe("body must have required property 'title'");
    expect(body.data).toEqual({});
    expect(body.error).toContainEqual({ body: "body must have required property 'title'" });
    expect(Array.isArray(body.error) && body.error[0]).toEqual({
      body: "body must have required property 'title'",
    });
    expect(await fx.profileCount()).toBe(before);
  });

  it("refuses a duplicate title in the account (any case) with 409 and writes nothing", async () => {
    await create({ ...SEED_CREATE_BODY, title: "Unique title" });
    const before = await fx.profileCount();
    const { status, body } = await create({ ...SEED_CREATE_BODY, title: "UNIQUE TITLE" });
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: "RBC409", status: 409, data: {} });
    expect(await fx.profileCount()).toBe(before);
  });

  it("fetches a profile with secrets masked and never the signing secret", async () => {
    const created = await create({ ...SEED_CREATE_BODY, title: "Fetch me" });
    const id = String(created.body.data.profile_id);
    const { status, body } = await fx.call("GET", `${base()}/${id}`, { apiKey: acct.apiKey });
    expect(status).toBe(200);
    expect(body.message).toBe("Profile fetched successfully");
    const { signing_secret: _secret, warnings: _warnings, ...view } = created.body.data;
    expect(body.data).toEqual(view);
    expect(body.data).not.toHaveProperty("signing_secret");
  });

  it("keeps the stored key when PATCH echoes the masked key and IV", async () => {
    const created = await create({
      ...SEED_CREATE_BODY,
      title: "Echo test",
      enc: { algo: "AES-128-CFB", key: "K1abcdefghijkl2P", IV: "POabcdefghijklLY" },
    });
    const id = String(created.body.data.profile_id);
    fx.clock.nowMs += 60_000;
    const fetched = await fx.call("GET", `${base()}/${id}`, { apiKey: acct.apiKey });
    const {
      profile_id,
      replacers,
      created_at,
      modified_at,
      dynamic_variables,
      disabled_reason,
      disabled_at,
      ...echo
    } = fetched.body.data;
    const { status, body } = await fx.call("PATCH", `${base()}/${id}`, {
      apiKey: acct.apiKey,
      body: { ...echo, title: "Echo test renamed" },
    });
    expect(status).toBe(200);
    expect(body.message).toBe("Profile updated successfully");
    expect(body.data).toMatchObject({
      title: "Echo test renamed",
      enc: { key: "K1xxxxxxxxxxxx2P", IV: "POxxxxxxxxxxxxLY" },
      created_at: "2026-01-31T10:00:00.000Z",
      modified_at: "2026-01-31T10:01:00.000Z",
    });
    const [row] = await fx.handle.db
      .select()
      .from(callbackProfiles)
      .where(eq(callbackProfiles.profileId, id));
    const enc = JSON.parse(fx.secretBox.open(row?.encSealed ?? "")) as ProfileEncryption;
    expect(enc).toMatchObject({ key: "K1abcdefghijkl2P", IV: "POabcdefghijklLY" });
  });

  it.each([
    [{ channel: "email" }, "body/channel cannot be changed after create"],
    [{}, "body must contain at least one field to update"],
    [{ title: "ab" }, "body/title must NOT have fewer than 3 characters"],
  ])("refuses the patch %j without writing", async (patch, message) => {
    const created = await create({ ...SEED_CREATE_BODY, title: `Patch ${message.length}` });
    expect(created.status).toBe(201);
    const id = String(created.body.data.profile_id);
    const { status, body } = await fx.call("PATCH", `${base()}/${id}`, {
      apiKey: acct.apiKey,
      body: patch,
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: "RBC302", message });
    const fetched = await fx.call("GET", `${base()}/${id}`, { apiKey: acct.apiKey });
    expect(fetched.body.data).toEqual(
      expect.objectContaining({ modified_at: created.body.data.modified_at }),
    );
  });

  it("refuses a patch to a title already used in the account with 409", async () => {
    await create({ ...SEED_CREATE_BODY, title: "Taken title" });
    const created = await create({ ...SEED_CREATE_BODY, title: "Free title" });
    const id = String(created.body.data.profile_id);
    const { status, body } = await fx.call("PATCH", `${base()}/${id}`, {
      apiKey: acct.apiKey,
      body: { title: "taken title" },
    });
    expect(status).toBe(409);
    expect(body.code).toBe("RBC409");
  });

  it("soft-deletes a profile, cancels its pending and held deliveries, and frees the title", async () => {
    const created = await create({ ...SEED_CREATE_BODY, title: "Delete me" });
    const id = String(created.body.data.profile_id);
    const [row] = await fx.handle.db
      .select()
      .from(callbackProfiles)
      .where(eq(callbackProfiles.profileId, id));
    if (row === undefined) throw new Error("profile row missing");
    const statuses = ["pending", "held", "delivered", "failed"] as const;
    await fx.handle.db.insert(deliveries).values(
      statuses.map((status) => ({
        accountId: acct.accountId,
        profileId: row.id,
        event: "SMS-sent",
        data: {},
        status,
      })),
    );
    const { status, body } = await fx.call("DELETE", `${base()}/${id}`, { apiKey: acct.apiKey });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: "RBC024",
      message: "Profile deleted successfully",
      data: { profileId: id },
    });
    const after = await fx.handle.db
      .select({ status: deliveries.status })
      .from(deliveries)
      .where(eq(deliveries.profileId, row.id));
    expect(after.map((d) => d.status).sort()).toEqual([
      "cancelled",
      "cancelled",
      "delivered",
      "failed",
    ]);
    const [deleted] = await fx.handle.db
      .select()
      .from(callbackProfiles)
      .where(eq(callbackProfiles.profileId, id));
    expect(deleted?.deletedAt).toEqual(new Date(fx.clock.nowMs));

    for (const method of ["GET", "PATCH", "DELETE"]) {
      const again = await fx.call(method, `${base()}/${id}`, {
        apiKey: acct.apiKey,
        ...(method === "PATCH" ? { body: { title: "Revived" } } : {}),
      });
      expect(again.status).toBe(404);
      expect(again.body).toMatchObject({
        code: "RBC302",
        message: `params/id profile ${id} not found`,
        error: [{ params: `params/id profile ${id} not found` }],
      });
    }
    expect((await create({ ...SEED_CREATE_BODY, title: "Delete me" })).status).toBe(201);
  });

  it("reactivating an auto-disabled profile releases its held deliveries", async () => {
    const created = await create({ ...SEED_CREATE_BODY, title: "Auto disabled" });
    const id = String(created.body.data.profile_id);
    const [row] = await fx.handle.db
      .update(callbackProfiles)
      .set({ status: 2 })
      .where(eq(callbackProfiles.profileId, id))
      .returning();
    if (row === undefined) throw new Error("profile row missing");
    await fx.handle.db.insert(deliveries).values({
      accountId: acct.accountId,
      profileId: row.id,
      event: "SMS-sent",
      data: {},
      status: "held",
    });
    const { status, body } = await fx.call("PATCH", `${base()}/${id}`, {
      apiKey: acct.apiKey,
      body: { status: 1 },
    });
    expect(status).toBe(200);
    expect(body.data.status).toBe(1);
    const [delivery] = await fx.handle.db
      .select({ status: deliveries.status })
      .from(deliveries)
      .where(eq(deliveries.profileId, row.id));
    expect(delivery?.status).toBe("pending");
  });
});
