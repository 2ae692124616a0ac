import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createResendTransport } from "./resend-transport.ts";
import { reportMessage } from "./testing/report-message.ts";
import { type ResendApiStub, startResendApiStub } from "./testing/resend-api.ts";
import { closedPort } from "./testing/smtp-sink.ts";

let api: ResendApiStub;
beforeAll(async () => {
  api = await startResendApiStub();
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
});

const transport = () => createResendTransport({ apiKey: "re_test_123", baseUrl: api.baseUrl });

describe("Resend transport against a local stand-in of the API", () => {
  it("POSTs /emails with the key, idempotency key and the whole message", async () => {
    const message = await reportMessage();
    const result = await transport().send(message);

    expect(result).toEqual({ ok: true, id: "email-0001" });
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/emails");
    expect(request?.headers.authorization).toBe("Bearer re_test_123");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["idempotency-key"]).toBe(message.idempotencyKey);
    expect(request?.body).toEqual({
      from: "Rebound reports <reports@rebound.example>",
      to: ["ops@acme.example", "cto@acme.example"],
      subject: "Daily callback report for Acme Retail & Co: 12,840 delivered, 37 failed",
      html: message.html,
      text: message.text,
      headers: { "X-Rebound-Report": "daily" },
    });
    expect(message.html).toContain("12,840");
    expect(message.text).toContain("12,840");
  });

  it("sends no Idempotency-Key header when the message has none", async () => {
    await transport().send(await reportMessage({ idempotencyKey: undefined }));
    expect(api.requests[0]?.headers["idempotency-key"]).toBeUndefined();
  });

  const failures = [
    {
      name: "422 validation_error is permanent",
      status: 422,
      body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." },
      retryable: false,
    },
    {
      name: "403 invalid_api_key is permanent",
      status: 403,
      body: { statusCode: 403, name: "invalid_api_key", message: "API key is invalid" },
      retryable: false,
    },
    {
      name: "500 internal_server_error is retryable",
      status: 500,
      body: { statusCode: 500, name: "internal_server_error", message: "Unexpected error" },
      retryable: true,
    },
    {
      name: "a 502 with an HTML body is retryable",
      status: 502,
      body: "<html>Bad Gateway</html>",
      retryable: true,
    },
    {
      name: "429 rate_limit_exceeded is retryable",
      status: 429,
      body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
      retryable: true,
    },
    {
      name: "429 daily_quota_exceeded is not retried",
      status: 429,
      body: { statusCode: 429, name: "daily_quota_exceeded", message: "Daily quota reached" },
      retryable: false,
    },
  ];
  it.each(failures)("maps $name to a failed result", async ({ status, body, retryable }) => {
    api.respondWith({ status, body });
    const result = await transport().send(await reportMessage());
    expect(result).toMatchObject({ ok: false, retryable });
    expect(result.ok ? "" : result.error).toContain(`Resend ${status}`);
    expect(api.requests).toHaveLength(1);
  });

  it("keeps the provider's Retry-After on a rate limit", async () => {
    api.respondWith({
      status: 429,
      headers: { "Retry-After": "3" },
      body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
    });
    const result = await transport().send(await reportMessage());
    expect(result).toEqual({
      ok: false,
      retryable: true,
      retryAfterMs: 3_000,
      error: "Resend 429 rate_limit_exceeded: Too many requests",
    });
  });

  it("reports an unreachable API as a retryable failure", async () => {
    const port = await closedPort();
    const result = await createResendTransport({
      apiKey: "re_test_123",
      baseUrl: `http://127.0.0.1:${port}`,
    }).send(await reportMessage());
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it("gives up on a hung API after timeoutMs, as a retryable failure", async () => {
    api.respondWith({ hang: true, status: 200, body: null });
    const started = Date.now();
    const result = await createResendTransport({
      apiKey: "re_test_123",
      baseUrl: api.baseUrl,
      timeoutMs: 200,
    }).send(await reportMessage());
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses an invalid recipient without calling the API", async () => {
    const result = await transport().send(await reportMessage({ to: ["not-an-address"] }));
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(api.requests).toEqual([]);
  });
});

describe("createResendTransport configuration", () => {
  it("rejects an empty key and a base URL that is not http(s)", () => {
    expect(() => createResendTransport({ apiKey: " " })).toThrow(/apiKey is empty/);
    expect(() => createResendTransport({ apiKey: "re_1", baseUrl: "ftp://x.example" })).toThrow(
      /http\(s\) URL/,
    );
  });

  it("ignores RESEND_BASE_URL in the environment: the base URL is an option", async () => {
    const saved = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${await closedPort()}`;
    try {
      expect(createResendTransport({ apiKey: "re_1" })).toMatchObject({
        kind: "resend",
        target: "https://api.resend.com",
      });
      const result = await transport().send(await reportMessage());
      expect(result.ok).toBe(true);
      expect(api.requests).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env.RESEND_BASE_URL;
      else process.env.RESEND_BASE_URL = saved;
    }
  });
});
