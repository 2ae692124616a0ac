import { describe, expect, it } from "vitest";
import { toEnvelopeErrors } from "../envelope/index.ts";
import type { CallbackProfileSpec } from "../profile/profile.ts";
import { SEED_SAMPLE_PROFILE_REQUEST } from "../profile/seed-sample.ts";
import { validateProfileCreate } from "./index.ts";

/** A valid POST profile for the default channel; tests override fields. */
function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Orders hook",
    http_method: "POST",
    url: "https://example.com/hooks/<order_id>",
    body: { phone: "<phone>" },
    ...overrides,
  };
}

function profileOf(value: unknown): CallbackProfileSpec {
  const result = validateProfileCreate(value);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues)}`);
  return result.profile;
}

describe("the API seed", () => {
  const sampleRequest = SEED_SAMPLE_PROFILE_REQUEST;

  it("accepts the sample request with one warning about the fixed GCM nonce", () => {
    const result = validateProfileCreate(sampleRequest);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile).toEqual({
      title: "Callback_Profile_Test_1",
      http_method: "PUT",
      url: "https://webhook.site/aexxxxb3-axx4-4xx9-8xxc-efxxxxxxxx35",
      headers: { "x-api-key": "A-RANDOM-API-KEY" },
      body: { name: "John Doe" },
      body_type: "json",
      response_message: "Expected response message",
      enc: {
        algo: "AES-128-GCM",
        key: "12xxxxxxxxxxxx34",
        IV: "12xxxxxxxxxxxx38",
        params: null,
        iv_mode: "fixed",
      },
      channel: "sms",
      events: ["SMS-sent"],
      dynamic_variables: [],
      replacers: {},
      retry_schedule: null,
      status: 1,
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain("AES-128-GCM");
  });

  it("answers {} exactly like the sample failure", () => {
    const result = validateProfileCreate({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.message).toBe("body must have required property 'title'");
    expect(toEnvelopeErrors(result.issues.slice(0, 1))).toEqual([
      { body: "body must have required property 'title'" },
    ]);
    expect(result.issues.map((issue) => issue.message)).toEqual([
      "body must have required property 'title'",
      "body must have required property 'http_method'",
      "body must have required property 'url'",
    ]);
  });

  it.each([
    ["headers as a JSON string", { headers: '{"aa":"heyy"}' }, { headers: { aa: "heyy" } }],
    [
      "events as a JSON string of a list",
      { events: '["event1","event2"]' },
      { events: ["event1", "event2"] },
    ],
    ['the stored "no events" value', { events: '[""]' }, { events: [] }],
    ["events null for the default channel", { events: null }, { events: [] }],
    [
      "the UI's default channel label",
      { channel: "Default - No Channel Selected" },
      { channel: "default" },
    ],
    ["body as a JSON string", { body: '{"key":"value"}' }, { body: { key: "value" } }],
  ])("accepts %s", (_name, overrides, expected) => {
    expect(profileOf(input(overrides))).toMatchObject(expected);
  });
});

describe("the UI seed", () => {
  it("computes replacers for the sample POST body", () => {
    const profile = profileOf({
      title: "UI sample",
      http_method: "post",
      url: "https://webhook.site/93e95c0d-53eb-4960-b628-6a03cb672946",
      body: {
        name: "Ray",
        phone: "<whatsapp_number>",
        address: { formatted_address: "<address.formatted_address>" },
      },
    });
    expect(profile.replacers).toEqual({
      "<whatsapp_number>": "whatsapp_number",
      "<address.formatted_address>": "address.formatted_address",
    });
    expect(profile.dynamic_variables).toEqual(["whatsapp_number", "address.formatted_address"]);
  });

  it.each([
    ["get", { http_method: "get", body: undefined }],
    ["delete", { http_method: "delete", body: undefined }],
    ["put", { http_method: "put", body: { name: "Ray" } }],
  ])("accepts the %s sample", (_method, overrides) => {
    expect(validateProfileCreate(input(overrides)).ok).toBe(true);
  });
});

describe("normalisation", () => {
  it.each([
    ["method of any case, stored upper case", { http_method: "pOsT" }, { http_method: "POST" }],
    ["GET without body", { http_method: "GET", body: undefined }, { body: null }],
    ["GET with an empty object body", { http_method: "GET", body: {} }, { body: null }],
    ["GET with an empty string body", { http_method: "GET", body: "" }, { body: null }],
    ["DELETE with a null body", { http_method: "DELETE", body: null }, { body: null }],
    ["body_type of any case", { body_type: "JSON" }, { body_type: "json" }],
    [
      "a multipart Content-Type as form",
      { headers: { "Content-Type": "multipart/form-data" } },
      { body_type: "form" },
    ],
    [
      "an urlencoded Content-Type with parameters as form",
      { headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } },
      { body_type: "form" },
    ],
    ["body_type form", { body_type: "form" }, { body_type: "form" }],
    [
      "an xml body with declared variables",
      { body_type: "XML", body: "<order><id><id></id></order>", dynamic_variables: ["id"] },
      {
        body_type: "xml",
        body: "<order><id><id></id></order>",
        replacers: { "<order_id>": "order_id", "<id>": "id" },
      },
    ],
    [
      "a text body",
      { body_type: "text", body: "Hello <name>" },
      { body: "Hello <name>", replacers: { "<order_id>": "order_id" } },
    ],
    ["empty headers string", { headers: "" }, { headers: {} }],
    ["channel of any case", { channel: "WhatsApp" }, { channel: "whatsapp" }],
    [
      "sms events spelled in any case",
      { channel: "SMS", events: ["sms-sent", "SMS-sent"] },
      { channel: "sms", events: ["SMS-sent"] },
    ],
    [
      "events without empties and duplicates",
      { events: ["", "a.b", "a.b", "c:d"] },
      { events: ["a.b", "c:d"] },
    ],
    ["an empty events string", { events: "" }, { events: [] }],
    ["one event name", { events: "order.created" }, { events: ["order.created"] }],
    [
      "duplicate declared variables",
      { dynamic_variables: ["a", "a"] },
      { dynamic_variables: ["order_id", "phone", "a"] },
    ],
    [
      "a retry schedule",
      { retry_schedule: [5, 60, 172_800] },
      { retry_schedule: [5, 60, 172_800] },
    ],
    ["an empty retry schedule (no retries)", { retry_schedule: [] }, { retry_schedule: [] }],
    ["status 3", { status: 3 }, { status: 3 }],
    [
      "a title with spaces, hyphens and underscores",
      { title: "My hook - v2_x" },
      { title: "My hook - v2_x" },
    ],
    ["a 100-character title", { title: "t".repeat(100) }, { title: "t".repeat(100) }],
    [
      "the URL unchanged",
      { url: "HTTPS://Example.COM/a%20b/<x>" },
      { url: "HTTPS://Example.COM/a%20b/<x>" },
    ],
    [
      "replacers from url, headers and response message",
      {
        url: "https://example.com/<a>?b=<b.c>",
        headers: { "x-sig": "<sig>" },
        response_message: "Thanks <user.name>",
      },
      {
        replacers: {
          "<a>": "a",
          "<b.c>": "b.c",
          "<sig>": "sig",
          "<phone>": "phone",
          "<user.name>": "user.name",
        },
      },
    ],
    ["a body 32 levels deep", { body: nested(32) }, { body: nested(32) }],
  ])("keeps %s", (_name, overrides, expected) => {
    expect(profileOf(input(overrides))).toMatchObject(expected);
  });
});

describe("encryption", () => {
  const enc = (overrides: Record<string, unknown>) =>
    input({ enc: { algo: "AES-128-CFB", key: "k".repeat(16), IV: "i".repeat(16), ...overrides } });

  it.each([
    ["AES-128-CFB", 16],
    ["AES-128-GCM", 16],
    ["AES-192-CFB", 24],
    ["AES-192-GCM", 24],
    ["AES-256-CFB", 32],
    ["AES-256-GCM", 32],
  ])("%s takes a %i-character key and refuses one more or less", (algo, length) => {
    expect(validateProfileCreate(enc({ algo, key: "k".repeat(length) })).ok).toBe(true);
    for (const wrong of [length - 1, length + 1]) {
      const result = validateProfileCreate(enc({ algo, key: "k".repeat(wrong) }));
      expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
        `body/enc/key must be exactly ${length} characters for ${algo} (got ${wrong})`,
      ]);
    }
  });

  it("counts key length in UTF-8 bytes", () => {
    expect(validateProfileCreate(enc({ key: "é".repeat(8) })).ok).toBe(true);
    const result = validateProfileCreate(enc({ key: `é${"k".repeat(15)}` }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.message).toMatch(
      /^body\/enc\/key must be exactly 16 bytes .*got 17 bytes/,
    );
  });

  it("refuses an IV that is not 16 characters", () => {
    const result = validateProfileCreate(enc({ IV: "i".repeat(15) }));
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      "body/enc/IV must be exactly 16 characters (got 15)",
    ]);
  });

  it.each([
    ["algo of any case", { algo: "aes-256-gcm", key: "k".repeat(32) }, { algo: "AES-256-GCM" }],
    [
      "params as comma-separated text",
      { params: " order_id , phone,," },
      { params: ["order_id", "phone"] },
    ],
    ["params as a list", { params: ["phone", "phone"] }, { params: ["phone"] }],
    ["an empty params text as all variables", { params: "" }, { params: null }],
    ["an empty params list as all variables", { params: [] }, { params: null }],
    ["params naming a parent of a used variable", { params: ["user"] }, { params: ["user"] }],
    ["iv_mode of any case", { iv_mode: "RANDOM" }, { iv_mode: "random" }],
  ])("normalises %s", (_name, overrides, expected) => {
    const value = { ...enc(overrides), response_message: "Hi <user.name>" };
    expect(profileOf(value).enc).toMatchObject(expected);
  });

  it.each([
    ["AES-128-GCM", "fixed", 1],
    ["AES-128-GCM", "random", 0],
    ["AES-128-CFB", "fixed", 0],
    ["AES-128-CFB", "random", 0],
  ])("warns about %s with iv_mode %s %i time(s)", (algo, ivMode, count) => {
    const result = validateProfileCreate(enc({ algo, iv_mode: ivMode }));
    expect(result.ok ? result.warnings : null).toHaveLength(count);
  });

  it("gives no warnings without encryption", () => {
    const result = validateProfileCreate(input({ enc: null }));
    expect(result).toMatchObject({ ok: true, warnings: [], profile: { enc: null } });
  });
});

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: "<phone>" };
  for (let level = 1; level < depth; level++) value = { child: value };
  return value;
}
