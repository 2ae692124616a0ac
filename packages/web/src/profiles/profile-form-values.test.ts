import { describe, expect, it } from "vitest";
import type { ProfileView } from "../api/types.ts";
import { headersFromRows, newHeaderRow } from "./header-rows.ts";
import {
  createRequestBody,
  emptyProfileValues,
  updateRequestBody,
  valuesFromProfile,
} from "./profile-form-values.ts";

const stored: ProfileView = {
  profile_id: "IN_1",
  title: "Callback_Profile_Test_1",
  http_method: "PUT",
  url: "https://webhook.site/x",
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
  created_at: "2026-01-31T10:00:00.000Z",
  modified_at: "2026-01-31T10:00:00.000Z",
  disabled_reason: null,
  disabled_at: null,
};

describe("profile form values", () => {
  it("build a create body with the seed's fields, body as typed text", () => {
    const values = {
      ...emptyProfileValues(),
      title: " Orders ",
      url: "https://example.com/<id>",
      headers: [newHeaderRow("x-a", "1"), newHeaderRow()],
      body: '{"id": "<id>"}',
      events: "order.paid, order.refunded,",
    };
    expect(createRequestBody(values)).toEqual({
      ok: true,
      body: {
        title: "Orders",
        http_method: "POST",
        url: "https://example.com/<id>",
        headers: { "x-a": "1" },
        body: '{"id": "<id>"}',
        body_type: "json",
        response_message: null,
        events: ["order.paid", "order.refunded"],
        channel: "default",
      },
    });
  });

  it("send dynamic variables only for markup bodies, and no body for GET", () => {
    const xml = createRequestBody({
      ...emptyProfileValues(),
      body_type: "xml",
      body: "<a><name></a>",
      dynamic_variables: "name",
    });
    expect(xml.ok && xml.body.dynamic_variables).toEqual(["name"]);
    const get = createRequestBody({ ...emptyProfileValues(), http_method: "GET", body: "{}" });
    expect(get.ok && Object.keys(get.body)).not.toContain("body");
  });

  it("send encryption settings when the toggle is on, params split", () => {
    const result = createRequestBody({
      ...emptyProfileValues(),
      enc_enabled: true,
      enc_algo: "AES-128-CFB",
      enc_key: "k".repeat(16),
      enc_iv: "i".repeat(16),
      enc_params: "phone, address.city",
    });
    expect(result.ok && result.body.enc).toEqual({
      algo: "AES-128-CFB",
      key: "k".repeat(16),
      IV: "i".repeat(16),
      params: ["phone", "address.city"],
      iv_mode: "fixed",
    });
  });

  it("read a stored profile back, and PATCH it without channel, masked secrets as they were", () => {
    const values = valuesFromProfile(stored);
    expect(values.body).toBe('{\n  "name": "John Doe"\n}');
    expect(values.events).toBe("SMS-sent");
    expect(values.enc_key).toBe("12xxxxxxxxxxxx34");
    const patch = updateRequestBody(values, stored);
    expect(patch).toEqual({
      ok: true,
      body: {
        title: "Callback_Profile_Test_1",
        http_method: "PUT",
        url: "https://webhook.site/x",
        headers: { "x-api-key": "A-RANDOM-API-KEY" },
        body: '{\n  "name": "John Doe"\n}',
        body_type: "json",
        response_message: "Expected response message",
        events: ["SMS-sent"],
        enc: {
          algo: "AES-128-GCM",
          key: "12xxxxxxxxxxxx34",
          IV: "12xxxxxxxxxxxx38",
          params: null,
          iv_mode: "fixed",
        },
      },
    });
  });

  it("clear encryption and the body, and send a changed status only", () => {
    const values = {
      ...valuesFromProfile(stored),
      enc_enabled: false,
      http_method: "DELETE" as const,
      status: 3 as const,
    };
    const patch = updateRequestBody(values, stored);
    expect(patch.ok && patch.body).toMatchObject({ enc: null, body: null, status: 3 });
    expect(patch.ok && Object.keys(patch.body)).not.toContain("body_type");
  });
});

describe("headersFromRows", () => {
  it("skips blank rows and refuses a value without a name or a repeated name", () => {
    expect(headersFromRows([newHeaderRow(" x-a ", "1"), newHeaderRow("", "")])).toEqual({
      ok: true,
      headers: { "x-a": "1" },
    });
    expect(headersFromRows([newHeaderRow("", "v")])).toEqual({
      ok: false,
      message: "row 1 has a value but no key",
    });
    expect(headersFromRows([newHeaderRow("X-A", "1"), newHeaderRow("x-a", "2")])).toEqual({
      ok: false,
      message: "have x-a more than once",
    });
  });
});
