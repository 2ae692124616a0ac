import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, webhookHeaders } from "./sign-webhook.ts";
import { SigningSecretError } from "./signing-secret.ts";

const KEY_A = Buffer.from("0123456789abcdef0123456789abcdef", "utf8");
const KEY_B = Buffer.alloc(24, 0x5a);
const SECRET_A = `whsec_${KEY_A.toString("base64")}`;
const SECRET_B = `whsec_${KEY_B.toString("base64")}`;

// Independent of the code under test: the Standard Webhooks recipe written out by hand.
function expectedEntry(key: Buffer, signedContent: Buffer | string): string {
  return `v1,${createHmac("sha256", key).update(signedContent).digest("base64")}`;
}

describe("signWebhook", () => {
  it("matches a known answer computed directly with createHmac", () => {
    const signature = signWebhook({
      id: "msg_2bVxUo8gNYaQ1",
      timestampSeconds: 1_700_000_000,
      body: '{"event":"order.paid","amount":4200}',
      secrets: [SECRET_A],
    });
    expect(signature).toBe(
      expectedEntry(KEY_A, 'msg_2bVxUo8gNYaQ1.1700000000.{"event":"order.paid","amount":4200}'),
    );
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });

  it("emits one space-separated entry per secret, in the given order", () => {
    const content = "msg_1.1700000000.hello";
    const signature = signWebhook({
      id: "msg_1",
      timestampSeconds: 1_700_000_000,
      body: "hello",
      secrets: [SECRET_A, SECRET_B],
    });
    expect(signature).toBe(`${expectedEntry(KEY_A, content)} ${expectedEntry(KEY_B, content)}`);
  });

  it("signs the exact body bytes, including non-UTF-8 bytes", () => {
    const body = Uint8Array.from([0xff, 0x00, 0xfe, 0x0a]);
    const content = Buffer.concat([Buffer.from("msg_1.1700000000."), body]);
    expect(
      signWebhook({ id: "msg_1", timestampSeconds: 1_700_000_000, body, secrets: [SECRET_A] }),
    ).toBe(expectedEntry(KEY_A, content));
  });

  it("signs a string body as UTF-8, the same as its encoded bytes", () => {
    const text = '{"name":"Zoë 🚀"}';
    const options = { id: "msg_1", timestampSeconds: 1, secrets: [SECRET_A] };
    expect(signWebhook({ ...options, body: text })).toBe(
      signWebhook({ ...options, body: new TextEncoder().encode(text) }),
    );
  });

  it("signs an empty body as id, dot, timestamp, dot", () => {
    expect(signWebhook({ id: "msg_1", timestampSeconds: 0, body: "", secrets: [SECRET_A] })).toBe(
      expectedEntry(KEY_A, "msg_1.0."),
    );
  });

  it("throws SigningSecretError when there is no secret", () => {
    expect(() => signWebhook({ id: "m", timestampSeconds: 1, body: "", secrets: [] })).toThrow(
      SigningSecretError,
    );
  });

  it("throws SigningSecretError when any secret is malformed", () => {
    expect(() =>
      signWebhook({ id: "m", timestampSeconds: 1, body: "", secrets: [SECRET_A, "whsec_short"] }),
    ).toThrow(SigningSecretError);
  });

  it.each([
    ["empty id", "", 1],
    ["id with a space", "msg 1", 1],
    ["id with a line break", "msg\r\n1", 1],
    ["negative timestamp", "msg_1", -1],
    ["fractional timestamp", "msg_1", 1.5],
    ["timestamp in milliseconds past safe range", "msg_1", Number.MAX_SAFE_INTEGER + 2],
    ["NaN timestamp", "msg_1", Number.NaN],
  ])("throws RangeError for %s", (_name, id, timestampSeconds) => {
    expect(() => signWebhook({ id, timestampSeconds, body: "", secrets: [SECRET_A] })).toThrow(
      RangeError,
    );
  });
});

describe("webhookHeaders", () => {
  it("returns id, decimal timestamp and signature headers", () => {
    const options = {
      id: "msg_9",
      timestampSeconds: 1_712_345_678,
      body: "x",
      secrets: [SECRET_B],
    };
    expect(webhookHeaders(options)).toEqual({
      "webhook-id": "msg_9",
      "webhook-timestamp": "1712345678",
      "webhook-signature": expectedEntry(KEY_B, "msg_9.1712345678.x"),
    });
  });
});
