import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook } from "./sign-webhook.ts";
import { SigningSecretError } from "./signing-secret.ts";
import { verifyWebhook } from "./verify-webhook.ts";

const SECRET = `whsec_${Buffer.alloc(32, 0x11).toString("base64")}`;
const OLD_SECRET = `whsec_${Buffer.alloc(32, 0x22).toString("base64")}`;
const OTHER_SECRET = `whsec_${Buffer.alloc(32, 0x33).toString("base64")}`;
const NOW = 1_700_000_000;
const BODY = '{"event":"invoice.created"}';

function signedHeaders(options: { secrets?: string[]; timestampSeconds?: number } = {}) {
  const timestampSeconds = options.timestampSeconds ?? NOW;
  const signature = signWebhook({
    id: "msg_abc",
    timestampSeconds,
    body: BODY,
    secrets: options.secrets ?? [SECRET],
  });
  return { id: "msg_abc", timestamp: String(timestampSeconds), signature };
}

describe("verifyWebhook", () => {
  it("accepts what signWebhook produced (round trip)", () => {
    expect(
      verifyWebhook({ headers: signedHeaders(), body: BODY, secret: SECRET, nowSeconds: NOW }),
    ).toEqual({ ok: true });
  });

  it("accepts a byte body equal to the signed string", () => {
    const body = new TextEncoder().encode(BODY);
    expect(
      verifyWebhook({ headers: signedHeaders(), body, secret: SECRET, nowSeconds: NOW }),
    ).toEqual({ ok: true });
  });

  it.each([
    ["the new secret", SECRET],
    ["the previous secret", OLD_SECRET],
  ])("accepts a rotation header with either secret: %s", (_name, secret) => {
    const headers = signedHeaders({ secrets: [SECRET, OLD_SECRET] });
    expect(headers.signature.split(" ")).toHaveLength(2);
    expect(verifyWebhook({ headers, body: BODY, secret, nowSeconds: NOW })).toEqual({ ok: true });
  });

  it("rejects a secret that signed none of the entries", () => {
    const headers = signedHeaders({ secrets: [SECRET, OLD_SECRET] });
    expect(verifyWebhook({ headers, body: BODY, secret: OTHER_SECRET, nowSeconds: NOW })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it.each([
    ["body", { body: `${BODY} ` }],
    ["id", { id: "msg_abd" }],
    ["timestamp", { timestamp: String(NOW + 1) }],
  ])("rejects a tampered %s as bad-signature", (_name, change) => {
    const headers = { ...signedHeaders(), ...("body" in change ? {} : change) };
    const body = "body" in change ? change.body : BODY;
    expect(verifyWebhook({ headers, body, secret: SECRET, nowSeconds: NOW })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it.each([
    ["unknown versions only", "v2,abc v1a,def"],
    ["a truncated v1 signature", "v1,abc"],
    ["the right signature without version", signedHeaders().signature.slice(3)],
  ])("rejects %s as bad-signature", (_name, signature) => {
    const headers = { ...signedHeaders(), signature };
    expect(verifyWebhook({ headers, body: BODY, secret: SECRET, nowSeconds: NOW })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("finds the valid entry among other versions and extra spaces", () => {
    const valid = signedHeaders().signature;
    const headers = { ...signedHeaders(), signature: `v1a,Zm9v  v1,bm9wZQ== ${valid}` };
    expect(verifyWebhook({ headers, body: BODY, secret: SECRET, nowSeconds: NOW })).toEqual({
      ok: true,
    });
  });

  describe.each([
    { offsetSeconds: -300, tolerance: undefined, expected: { ok: true } },
    {
      offsetSeconds: -301,
      tolerance: undefined,
      expected: { ok: false, reason: "timestamp-too-old" },
    },
    { offsetSeconds: 300, tolerance: undefined, expected: { ok: true } },
    {
      offsetSeconds: 301,
      tolerance: undefined,
      expected: { ok: false, reason: "timestamp-too-new" },
    },
    { offsetSeconds: -60, tolerance: 60, expected: { ok: true } },
    { offsetSeconds: -61, tolerance: 60, expected: { ok: false, reason: "timestamp-too-old" } },
    { offsetSeconds: 61, tolerance: 60, expected: { ok: false, reason: "timestamp-too-new" } },
    { offsetSeconds: 1, tolerance: 0, expected: { ok: false, reason: "timestamp-too-new" } },
  ])(
    "timestamp $offsetSeconds s from now, tolerance $tolerance",
    ({ offsetSeconds, tolerance, expected }) => {
      it(`returns ${JSON.stringify(expected)}`, () => {
        const headers = signedHeaders({ timestampSeconds: NOW + offsetSeconds });
        const result = verifyWebhook({
          headers,
          body: BODY,
          secret: SECRET,
          nowSeconds: NOW,
          ...(tolerance === undefined ? {} : { toleranceSeconds: tolerance }),
        });
        expect(result).toEqual(expected);
      });
    },
  );

  it("reports a stale timestamp even when the signature is also wrong", () => {
    const headers = { ...signedHeaders({ timestampSeconds: NOW - 3600 }), signature: "v1,AAAA" };
    expect(verifyWebhook({ headers, body: BODY, secret: SECRET, nowSeconds: NOW })).toEqual({
      ok: false,
      reason: "timestamp-too-old",
    });
  });

  it.each([
    ["empty id", { id: "" }],
    ["empty timestamp", { timestamp: "" }],
    ["non-numeric timestamp", { timestamp: "soon" }],
    ["timestamp in ISO format", { timestamp: "2023-11-14T22:13:20Z" }],
    ["fractional timestamp", { timestamp: "1700000000.5" }],
    ["negative timestamp", { timestamp: "-1700000000" }],
    ["timestamp with leading zero", { timestamp: "01700000000" }],
    ["timestamp with whitespace", { timestamp: " 1700000000" }],
    ["absurdly long timestamp", { timestamp: "9".repeat(40) }],
    ["empty signature", { signature: "" }],
    ["blank signature", { signature: "   " }],
  ])("returns malformed for %s", (_name, change) => {
    const headers = { ...signedHeaders(), ...change };
    expect(verifyWebhook({ headers, body: BODY, secret: SECRET, nowSeconds: NOW })).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("verifies a hand-computed signature over raw bytes", () => {
    const key = Buffer.alloc(32, 0x11);
    const body = Uint8Array.from([0x80, 0x81, 0x00]);
    const content = Buffer.concat([Buffer.from(`msg_raw.${NOW}.`), body]);
    const signature = `v1,${createHmac("sha256", key).update(content).digest("base64")}`;
    const headers = { id: "msg_raw", timestamp: String(NOW), signature };
    expect(verifyWebhook({ headers, body, secret: SECRET, nowSeconds: NOW })).toEqual({ ok: true });
  });

  it("throws SigningSecretError for a malformed verification secret", () => {
    expect(() =>
      verifyWebhook({ headers: signedHeaders(), body: BODY, secret: "nope", nowSeconds: NOW }),
    ).toThrow(SigningSecretError);
  });
});
