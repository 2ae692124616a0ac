import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signWebhook, webhookHeaders } from "./sign-webhook.ts";
import { generateSigningSecret } from "./signing-secret.ts";
import { verifyWebhook } from "./verify-webhook.ts";

// The reference library checks timestamps against the real clock, so these tests must too.
const nowSeconds = () => Math.floor(Date.now() / 1000);

const PAYLOADS = [
  ["JSON object", '{"type":"user.created","data":{"id":42,"name":"Zoë 🚀"}}'],
  ["JSON array", "[1,2,3]"],
  ["JSON string with escapes", '"line\\nbreak \\"quoted\\""'],
] as const;

describe("interoperability with the standardwebhooks package", () => {
  it.each(PAYLOADS)("its verifier accepts our headers for a %s", (_name, payload) => {
    const secret = generateSigningSecret();
    const headers = webhookHeaders({
      id: "msg_interop_1",
      timestampSeconds: nowSeconds(),
      body: payload,
      secrets: [secret],
    });
    expect(new Webhook(secret).verify(payload, headers)).toEqual(JSON.parse(payload));
  });

  it("its verifier accepts our headers when the body is given as bytes", () => {
    const secret = generateSigningSecret();
    const payload = '{"ok":true}';
    const headers = webhookHeaders({
      id: "msg_interop_bytes",
      timestampSeconds: nowSeconds(),
      body: Buffer.from(payload),
      secrets: [secret],
    });
    expect(new Webhook(secret).verify(Buffer.from(payload), headers)).toEqual({ ok: true });
  });

  it.each([0, 1])("its verifier accepts a rotation header with secret #%i", (index) => {
    const secrets = [generateSigningSecret(), generateSigningSecret()];
    const payload = '{"rotating":true}';
    const headers = webhookHeaders({
      id: "msg_rotation",
      timestampSeconds: nowSeconds(),
      body: payload,
      secrets,
    });
    const secret = secrets[index] ?? "";
    expect(new Webhook(secret).verify(payload, headers)).toEqual({ rotating: true });
  });

  it("its verifier rejects our headers with a different secret", () => {
    const payload = '{"a":1}';
    const headers = webhookHeaders({
      id: "msg_wrong",
      timestampSeconds: nowSeconds(),
      body: payload,
      secrets: [generateSigningSecret()],
    });
    expect(() => new Webhook(generateSigningSecret()).verify(payload, headers)).toThrow();
  });

  it.each(PAYLOADS)("our verifier accepts its signature for a %s", (_name, payload) => {
    const secret = generateSigningSecret();
    const timestampSeconds = nowSeconds();
    const signature = new Webhook(secret).sign(
      "msg_theirs_1",
      new Date(timestampSeconds * 1000),
      payload,
    );
    const result = verifyWebhook({
      headers: { id: "msg_theirs_1", timestamp: String(timestampSeconds), signature },
      body: payload,
      secret,
      nowSeconds: timestampSeconds,
    });
    expect(result).toEqual({ ok: true });
  });

  it("our verifier rejects its signature over a different payload", () => {
    const secret = generateSigningSecret();
    const timestampSeconds = nowSeconds();
    const signature = new Webhook(secret).sign("msg_t", new Date(timestampSeconds * 1000), "{}");
    const result = verifyWebhook({
      headers: { id: "msg_t", timestamp: String(timestampSeconds), signature },
      body: "[]",
      secret,
      nowSeconds: timestampSeconds,
    });
    expect(result).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("both sides produce the identical signature for the same input", () => {
    const secret = generateSigningSecret();
    const timestampSeconds = 1_700_000_000;
    const theirs = new Webhook(secret).sign("msg_same", new Date(timestampSeconds * 1000), "body");
    expect(signWebhook({ id: "msg_same", timestampSeconds, body: "body", secrets: [secret] })).toBe(
      theirs,
    );
  });
});
