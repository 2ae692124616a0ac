import { describe, expect, it } from "vitest";
import type { CallbackProfileSpec } from "../profile/profile.ts";
import { validateProfileCreate, validateProfileUpdate } from "./index.ts";

function created(overrides: Record<string, unknown> = {}): CallbackProfileSpec {
  const result = validateProfileCreate({
    title: "Orders hook",
    http_method: "POST",
    url: "https://example.com/hooks/<order_id>",
    headers: { "x-api-key": "secret" },
    body: { phone: "<phone>" },
    response_message: "Thanks <name>",
    enc: { algo: "AES-256-CFB", key: "k".repeat(32), IV: "i".repeat(16), params: ["phone"] },
    channel: "sms",
    events: ["SMS-sent"],
    retry_schedule: [10, 60],
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.profile;
}

function updated(existing: CallbackProfileSpec, patch: unknown): CallbackProfileSpec {
  const result = validateProfileUpdate(existing, patch);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.profile;
}

function messagesOf(existing: CallbackProfileSpec, patch: unknown): string[] {
  const result = validateProfileUpdate(existing, patch);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

describe("validateProfileUpdate", () => {
  const existing = created();

  it("keeps every field the patch does not name", () => {
    expect(updated(existing, { title: "Renamed hook" })).toEqual({
      ...existing,
      title: "Renamed hook",
    });
  });

  it.each([
    ["an empty patch", {}, "body must contain at least one field to update"],
    ["a non-object patch", "x", "body must be object"],
    [
      "echoed replacers",
      { replacers: {} },
      "body must NOT have additional properties: 'replacers' (computed by Rebound, do not send it)",
    ],
    [
      "an echoed disabled_reason",
      { disabled_reason: null },
      "body must NOT have additional properties: 'disabled_reason' (computed by Rebound, do not send it)",
    ],
    [
      "an echoed disabled_at",
      { disabled_at: "2026-01-31T10:00:00.000Z" },
      "body must NOT have additional properties: 'disabled_at' (computed by Rebound, do not send it)",
    ],
    ["a channel change", { channel: "email" }, "body/channel cannot be changed after create"],
    ["a bad title", { title: "x" }, "body/title must NOT have fewer than 3 characters"],
    [
      "status 2",
      { status: 2 },
      "body/status must be 1 (active) or 3 (disabled); 2 (auto-disabled) is set only by Rebound",
    ],
    ["a null title", { title: null }, "body/title must be string"],
    ["null headers", { headers: null }, "body/headers must be object or string"],
    [
      "an sms profile without events",
      { events: null },
      "body/events must list at least one event for channel sms (allowed: SMS-sent)",
    ],
    [
      "a change to GET that keeps the body",
      { http_method: "GET" },
      "body/body must be null or absent when http_method is GET or DELETE",
    ],
    [
      "a null body for POST",
      { body: null },
      "body must have required property 'body' when http_method is POST or PUT",
    ],
    [
      "a body that drops an encrypted variable",
      { body: { email: "<email>" } },
      "body/enc/params names 'phone', which no template (url, headers, body, response_message) uses (used variables: order_id, email, name)",
    ],
  ])("refuses %s", (_name, patch, message) => {
    expect(messagesOf(existing, patch)).toContain(message);
  });

  it("reports a channel change together with the merged profile's problems", () => {
    expect(messagesOf(existing, { channel: "email", url: "ftp://example.com" })).toEqual([
      "body/channel cannot be changed after create",
      "body/url must use http or https (got ftp)",
    ]);
  });

  it.each([
    ["the same channel", { channel: "sms" }],
    ["the same channel in another case", { channel: "SMS" }],
  ])("accepts %s", (_name, patch) => {
    expect(updated(existing, patch).channel).toBe("sms");
  });

  it("accepts a change to GET that clears the body", () => {
    const profile = updated(existing, { http_method: "get", body: null, enc: null });
    expect(profile).toMatchObject({ http_method: "GET", body: null, enc: null });
    expect(profile.replacers).toEqual({ "<order_id>": "order_id", "<name>": "name" });
  });

  it("requires a body when a GET profile becomes POST", () => {
    const getProfile = created({ http_method: "GET", body: undefined, enc: null });
    expect(messagesOf(getProfile, { http_method: "POST" })).toEqual([
      "body must have required property 'body' when http_method is POST or PUT",
    ]);
    expect(updated(getProfile, { http_method: "POST", body: { a: "<b>" } }).body).toEqual({
      a: "<b>",
    });
  });

  it.each([
    ["response_message", { response_message: null }, { response_message: null }],
    ["enc", { enc: null }, { enc: null }],
    ["retry_schedule", { retry_schedule: null }, { retry_schedule: null }],
  ])("clears %s with null", (_field, patch, expected) => {
    expect(updated(existing, patch)).toMatchObject(expected);
  });

  it("recomputes replacers and variables from the merged templates", () => {
    const profile = updated(existing, {
      body: '{"mobile":"<phone>","city":"<address.city>"}',
      response_message: "Done",
    });
    expect(profile.body).toEqual({ mobile: "<phone>", city: "<address.city>" });
    expect(profile.replacers).toEqual({
      "<order_id>": "order_id",
      "<phone>": "phone",
      "<address.city>": "address.city",
    });
    expect(profile.dynamic_variables).toEqual(["order_id", "phone", "address.city"]);
  });

  it("replaces enc as a whole and warns about the new settings", () => {
    const result = validateProfileUpdate(existing, {
      enc: { algo: "AES-128-GCM", key: "n".repeat(16), IV: "v".repeat(16) },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.enc).toEqual({
      algo: "AES-128-GCM",
      key: "n".repeat(16),
      IV: "v".repeat(16),
      params: null,
      iv_mode: "fixed",
    });
    expect(result.warnings).toHaveLength(1);
  });

  it("ignores fields given as undefined by code callers", () => {
    expect(updated(existing, { title: undefined, url: "https://example.com/v2" })).toMatchObject({
      title: "Orders hook",
      url: "https://example.com/v2",
    });
  });

  it("keeps declared variables of an xml body", () => {
    const xml = created({
      body: "<order><phone>+<phone></phone></order>",
      body_type: "xml",
      dynamic_variables: ["phone"],
      enc: null,
    });
    expect(updated(xml, { title: "Xml hook" }).replacers).toEqual(xml.replacers);
    expect(xml.replacers).toMatchObject({ "<phone>": "phone" });
  });

  it("drops variables no json template uses any more", () => {
    const profile = updated(existing, { body: { b: "<y>" }, enc: null, response_message: null });
    expect(profile.dynamic_variables).toEqual(["order_id", "y"]);
  });

  describe("status", () => {
    const autoDisabled: CallbackProfileSpec = { ...existing, status: 2 };

    it.each([
      [
        "re-enables an auto-disabled profile whose URL changes",
        autoDisabled,
        { url: "https://example.com/new" },
        1,
      ],
      ["keeps it auto-disabled when the URL is the same", autoDisabled, { url: existing.url }, 2],
      ["keeps it auto-disabled on other edits", autoDisabled, { title: "Other title" }, 2],
      ["lets the patch re-enable it", autoDisabled, { status: 1 }, 1],
      ["lets the patch disable it", autoDisabled, { url: "https://example.com/new", status: 3 }, 3],
      [
        "keeps a user-disabled profile disabled on URL change",
        { ...existing, status: 3 as const },
        { url: "https://example.com/new" },
        3,
      ],
    ])("%s", (_name, profile, patch, status) => {
      expect(updated(profile, patch).status).toBe(status);
    });
  });
});
