import { decrypt } from "@rebound/core";
import { testDrivers } from "@rebound/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiFixture, createApiFixture, type TestAccount } from "../testing/api-fixture.ts";

const KEY_256 = "0123456789abcdef0123456789abcdef";
const IV = "fedcba9876543210";

describe.each(testDrivers())("POST /callback/profiles/preview on %s", (driver) => {
  let fx: ApiFixture;
  let acct: TestAccount;
  let other: TestAccount;
  const path = (account = acct) => `/v1/${account.sid}/callback/profiles/preview`;
  const preview = (body: unknown, account = acct) =>
    fx.call("POST", path(account), { apiKey: account.apiKey, body });

  beforeAll(async () => {
    fx = await createApiFixture(driver);
    acct = await fx.newAccount();
    other = await fx.newAccount();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it("renders an unsaved profile for a sample event, without a title, storing nothing", async () => {
    const { status, body } = await preview({
      profile: {
        http_method: "post",
        url: "https://example.com/hooks/<order.id>?to=<phone>",
        headers: { "x-api-key": "secret-value", "x-order": "<order.id>" },
        body: { name: "Ray", phone: "<phone>", note: "order <order.id>" },
      },
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ code: "RBC024", message: "Preview rendered", status: 200 });
    expect(body.data).toEqual({
      event: "test",
      data: { order: { id: "sample order.id" }, phone: "sample phone" },
      request: {
        method: "POST",
        url: "https://example.com/hooks/sample%20order.id?to=sample%20phone",
        headers: {
          "x-api-key": "[redacted]",
          "x-order": "sample order.id",
          "content-type": "application/json",
          "user-agent": expect.stringMatching(/^Rebound-Webhooks\//),
        },
        body: '{"name":"Ray","phone":"sample phone","note":"order sample order.id"}',
      },
      missing_variables: [],
      render_error: null,
      warnings: [],
    });
    expect(await fx.profileCount()).toBe(0);
  });

  it("renders the given event and data and lists variables the data lacks", async () => {
    const { status, body } = await preview({
      profile: {
        http_method: "PUT",
        url: "https://example.com/hooks",
        body: { id: "<order.id>", total: "<order.total>" },
        channel: "sms",
        events: ["SMS-sent"],
      },
      event: "SMS-sent",
      data: { order: { id: 42 } },
    });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      event: "SMS-sent",
      request: { method: "PUT", body: '{"id":42,"total":null}' },
      missing_variables: ["order.total"],
    });
  });

  it("encrypts the chosen variables as the dispatcher would, and warns about a fixed GCM IV", async () => {
    const { status, body } = await preview({
      profile: {
        http_method: "POST",
        url: "https://example.com/hooks",
        body: { phone: "<phone>", name: "<name>" },
        enc: { algo: "AES-256-GCM", key: KEY_256, IV, params: "phone" },
      },
      data: { phone: "+919876543210", name: "Ray" },
    });
    expect(status).toBe(200);
    const data = body.data as { request: { body: string }; warnings: string[] };
    const sent = JSON.parse(data.request.body) as { phone: string; name: string };
    expect(sent.name).toBe("Ray");
    expect(sent.phone).not.toBe("+919876543210");
    expect(
      decrypt(sent.phone, { algo: "AES-256-GCM", key: KEY_256, iv: IV, ivMode: "fixed" }),
    ).toBe("+919876543210");
    expect(data.warnings).toEqual([expect.stringMatching(/fixed IV/)]);
  });

  it("points validation issues into body/profile", async () => {
    const missing = await preview({ profile: { url: "https://example.com" } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      code: "RBC302",
      message: "body/profile must have required property 'http_method'",
    });

    const { status, body } = await preview({
      profile: {
        http_method: "POST",
        url: "ftp://example.com",
        body: { a: 1 },
        enc: { algo: "AES-128-CFB", key: "short", IV },
      },
    });
    expect(status).toBe(400);
    expect(body.error).toEqual([
      { body: expect.stringMatching(/^body\/profile\/url /) },
      { body: "body/profile/enc/key must be exactly 16 characters for AES-128-CFB (got 5)" },
    ]);
  });

  it("refuses unknown fields, an event the profile does not allow, and non-JSON bodies", async () => {
    const extra = await preview({ profile: {}, extra: 1 });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toBe("body must NOT have additional properties: 'extra'");

    const event = await preview({
      profile: {
        http_method: "GET",
        url: "https://example.com",
        channel: "sms",
        events: "SMS-sent",
      },
      event: "order.paid",
    });
    expect(event.status).toBe(400);
    expect(event.body.message).toBe(
      "body/event event 'order.paid' is not allowed by the profile (allowed: SMS-sent)",
    );

    const text = await fx.call("POST", path(), {
      apiKey: acct.apiKey,
      body: "profile",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
  });

  it("reports a request that cannot be rendered instead of failing", async () => {
    const { status, body } = await preview({
      profile: { http_method: "GET", url: "https://example.com", headers: { "x-note": "<note>" } },
      data: { note: "line one\r\nx-injected: yes" },
    });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({
      request: null,
      render_error: {
        code: "invalid-header",
        message: "header x-note would contain a CR, LF or NUL character after rendering",
      },
    });
  });

  it("renders a stored profile with unsaved changes; masked key and IV mean the stored ones", async () => {
    const created = await fx.call("POST", `/v1/${acct.sid}/callback/profiles`, {
      apiKey: acct.apiKey,
      body: {
        title: "Stored preview",
        http_method: "POST",
        url: "https://example.com/old",
        body: { phone: "<phone>" },
        enc: { algo: "AES-256-CFB", key: KEY_256, IV },
      },
    });
    expect(created.status).toBe(201);
    const profileId = String(created.body.data.profile_id);
    const masked = created.body.data.enc as { key: string; IV: string };

    const { status, body } = await preview({
      profile_id: profileId,
      profile: {
        title: "x",
        url: "https://example.com/new",
        enc: { algo: "AES-256-CFB", key: masked.key, IV: masked.IV },
      },
      data: { phone: "12345" },
    });
    expect(status).toBe(200);
    const request = (body.data as { request: { url: string; body: string } }).request;
    expect(request.url).toBe("https://example.com/new");
    const phone = (JSON.parse(request.body) as { phone: string }).phone;
    expect(decrypt(phone, { algo: "AES-256-CFB", key: KEY_256, iv: IV, ivMode: "fixed" })).toBe(
      "12345",
    );

    const unchanged = await preview({ profile_id: profileId, profile: {} });
    expect((unchanged.body.data as { request: { url: string } }).request.url).toBe(
      "https://example.com/old",
    );

    const foreign = await preview({ profile_id: profileId, profile: {} }, other);
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toBe(`params/id profile ${profileId} not found`);
  });

  it("needs the account's api-key", async () => {
    const { status } = await fx.call("POST", path(), { body: { profile: {} } });
    expect(status).toBe(401);
  });
});
