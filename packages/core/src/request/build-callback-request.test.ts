import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { decrypt } from "../crypto/index.ts";
import type { ProfileEncryption } from "../profile/profile.ts";
import {
  type BuildCallbackRequestResult,
  buildCallbackRequest,
  type CallbackRequest,
  DEFAULT_USER_AGENT,
  type RenderableProfile,
} from "./build-callback-request.ts";

const decoder = new TextDecoder();
const fixedBytes = (length: number) => new Uint8Array(length).fill(7);

const profile: RenderableProfile = {
  http_method: "POST",
  url: "https://hooks.example.com/in/<tenant>?phone=<whatsapp_number>",
  headers: { "X-Api-Key": "A-RANDOM-API-KEY", "X-Trace": "<trace.id>" },
  body: {
    name: "Ray",
    phone: "<whatsapp_number>",
    count: "<count>",
    address: { formatted_address: "<address.formatted_address>" },
    note: "for <name> at <address.formatted_address>",
  },
  body_type: "json",
  enc: null,
  dynamic_variables: [],
};

const data = {
  tenant: "acme corp/eu",
  whatsapp_number: "+91 99000",
  count: 3,
  address: { formatted_address: "1 MG Road" },
  trace: { id: "t-1" },
  name: "Ray",
};

function requestOf(result: BuildCallbackRequestResult): CallbackRequest {
  if (!result.ok) throw new Error(`render failed: ${result.error.message}`);
  return result.request;
}

const bodyOf = (request: CallbackRequest) =>
  JSON.parse(decoder.decode(request.body ?? new Uint8Array()));

describe("buildCallbackRequest", () => {
  it("renders url, headers and a typed JSON body from the event data", () => {
    const request = requestOf(buildCallbackRequest(profile, { event: "sent", data }));
    expect(request.method).toBe("POST");
    expect(request.url).toBe("https://hooks.example.com/in/acme%20corp%2Feu?phone=%2B91%2099000");
    expect(request.headers).toEqual({
      "X-Api-Key": "A-RANDOM-API-KEY",
      "X-Trace": "t-1",
      "content-type": "application/json",
      "user-agent": DEFAULT_USER_AGENT,
    });
    expect(bodyOf(request)).toEqual({
      name: "Ray",
      phone: "+91 99000",
      count: 3,
      address: { formatted_address: "1 MG Road" },
      note: "for Ray at 1 MG Road",
    });
    expect(request.missingVariables).toEqual([]);
  });

  it("lists missing variables and renders them empty or null instead of failing", () => {
    const request = requestOf(buildCallbackRequest(profile, { event: "sent", data: { count: 1 } }));
    expect(bodyOf(request)).toMatchObject({ phone: null, address: { formatted_address: null } });
    expect(request.url).toBe("https://hooks.example.com/in/?phone=");
    expect(request.missingVariables).toEqual([
      "tenant",
      "whatsapp_number",
      "trace.id",
      "address.formatted_address",
      "name",
    ]);
  });

  it("sends no body and no content type for GET and DELETE", () => {
    for (const method of ["GET", "DELETE"] as const) {
      const request = requestOf(
        buildCallbackRequest({ ...profile, http_method: method }, { event: "e", data }),
      );
      expect(request.body).toBeNull();
      expect(Object.keys(request.headers)).not.toContain("content-type");
    }
  });

  it("keeps a profile's own user agent and content type header names", () => {
    const request = requestOf(
      buildCallbackRequest(
        { ...profile, headers: { "User-Agent": "acme/1", "Content-Type": "application/vnd+json" } },
        { event: "e", data },
      ),
    );
    expect(request.headers).toEqual({
      "User-Agent": "acme/1",
      "Content-Type": "application/vnd+json",
    });
  });

  it("refuses a header whose rendered value carries CR or LF", () => {
    const result = buildCallbackRequest(profile, {
      event: "e",
      data: { ...data, trace: { id: "x\r\nX-Injected: 1" } },
    });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-header" } });
  });

  it("refuses a url that is invalid after rendering", () => {
    const result = buildCallbackRequest(
      { ...profile, url: "https://hooks.example.com:<port>/" },
      { event: "e", data: { port: "99999" } },
    );
    expect(result).toMatchObject({ ok: false, error: { code: "invalid-url" } });
    const scheme = buildCallbackRequest(
      { ...profile, url: "ftp://x.test/<a>" },
      { event: "e", data },
    );
    expect(scheme).toMatchObject({ ok: false, error: { code: "invalid-url" } });
  });

  it("renders declared variables in XML bodies, escaped, and leaves tags alone", () => {
    const request = requestOf(
      buildCallbackRequest(
        {
          ...profile,
          body: "<msg><to><whatsapp_number></to><name>Hi <name></name></msg>",
          body_type: "xml",
          dynamic_variables: ["whatsapp_number"],
        },
        { event: "e", data: { whatsapp_number: "<+91>&" } },
      ),
    );
    expect(decoder.decode(request.body ?? new Uint8Array())).toBe(
      "<msg><to>&lt;+91&gt;&amp;</to><name>Hi <name></name></msg>",
    );
    expect(request.headers["content-type"]).toBe("application/xml; charset=utf-8");
  });

  it("does not escape text bodies", () => {
    const request = requestOf(
      buildCallbackRequest(
        { ...profile, body: "code=<code>", body_type: "text", dynamic_variables: ["code"] },
        { event: "e", data: { code: "a&b<c>" } },
      ),
    );
    expect(decoder.decode(request.body ?? new Uint8Array())).toBe("code=a&b<c>");
  });

  it("sends object bodies as form fields when the profile's Content-Type says so", () => {
    const request = requestOf(
      buildCallbackRequest(
        { ...profile, headers: { "Content-Type": "application/x-www-form-urlencoded" } },
        { event: "e", data },
      ),
    );
    expect(decoder.decode(request.body ?? new Uint8Array())).toBe(
      "name=Ray&phone=%2B91+99000&count=3&address%5Bformatted_address%5D=1+MG+Road&note=for+Ray+at+1+MG+Road",
    );
  });

  it("writes multipart bodies with a boundary from the random source", () => {
    const request = requestOf(
      buildCallbackRequest(
        { ...profile, headers: { "content-type": "multipart/form-data" } },
        { event: "e", data },
        { randomBytes: fixedBytes },
      ),
    );
    const boundary = `----rebound-${"07".repeat(16)}`;
    expect(request.headers["content-type"]).toBe(`multipart/form-data; boundary=${boundary}`);
    expect(decoder.decode(request.body ?? new Uint8Array())).toContain(
      `--${boundary}\r\nContent-Disposition: form-data; name="phone"\r\n\r\n+91 99000\r\n`,
    );
  });
});

describe("buildCallbackRequest with encryption", () => {
  const enc: ProfileEncryption = {
    algo: "AES-256-GCM",
    key: "0123456789abcdef0123456789abcdef",
    IV: "fedcba9876543210",
    params: ["whatsapp_number", "address"],
    iv_mode: "fixed",
  };
  const settings = { algo: enc.algo, key: enc.key, iv: enc.IV, ivMode: enc.iv_mode };

  it("encrypts only the listed variables (and members below them) before substitution", () => {
    const request = requestOf(buildCallbackRequest({ ...profile, enc }, { event: "e", data }));
    const body = bodyOf(request);
    expect(decrypt(body.phone, settings)).toBe("+91 99000");
    expect(decrypt(body.address.formatted_address, settings)).toBe("1 MG Road");
    expect(body.count).toBe(3);
    expect(body.name).toBe("Ray");
    const phoneInUrl = new URL(request.url).searchParams.get("phone");
    expect(phoneInUrl).toBe(body.phone);
  });

  it("encrypts every referenced variable when params is null, numbers as their text", () => {
    const request = requestOf(
      buildCallbackRequest({ ...profile, enc: { ...enc, params: null } }, { event: "e", data }),
    );
    const body = bodyOf(request);
    expect(decrypt(body.count, settings)).toBe("3");
    expect(decrypt(request.headers["X-Trace"] ?? "", settings)).toBe("t-1");
  });

  it("uses a fresh IV per request in random mode", () => {
    const random = { ...enc, iv_mode: "random" as const };
    const first = bodyOf(
      requestOf(buildCallbackRequest({ ...profile, enc: random }, { event: "e", data })),
    );
    const second = bodyOf(
      requestOf(buildCallbackRequest({ ...profile, enc: random }, { event: "e", data })),
    );
    expect(first.phone).not.toBe(second.phone);
    expect(decrypt(first.phone, { ...settings, ivMode: "random" })).toBe("+91 99000");
  });

  it("reports a broken key as a render error instead of throwing", () => {
    const result = buildCallbackRequest(
      { ...profile, enc: { ...enc, key: "short" } },
      { event: "e", data },
    );
    expect(result).toMatchObject({ ok: false, error: { code: "encryption-failed" } });
  });
});

describe("buildCallbackRequest with signing", () => {
  it("adds Standard Webhooks headers that an independent implementation verifies", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const timestampSeconds = Math.floor(Date.now() / 1000);
    const request = requestOf(
      buildCallbackRequest(
        profile,
        { event: "e", data },
        { signing: { id: "msg_1", timestampSeconds, secrets: [secret] } },
      ),
    );
    expect(request.headers["webhook-id"]).toBe("msg_1");
    expect(request.headers["webhook-timestamp"]).toBe(String(timestampSeconds));
    const payload = decoder.decode(request.body ?? new Uint8Array());
    expect(new Webhook(secret).verify(payload, request.headers)).toEqual(JSON.parse(payload));
  });

  it("signs the empty body of a GET", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const request = requestOf(
      buildCallbackRequest(
        { ...profile, http_method: "GET" },
        { event: "e", data },
        {
          signing: {
            id: "msg_2",
            timestampSeconds: Math.floor(Date.now() / 1000),
            secrets: [secret],
          },
        },
      ),
    );
    expect(() => new Webhook(secret).verify("", request.headers)).not.toThrow();
  });
});
