import { timingSafeEqual } from "node:crypto";
import { computeSignature } from "./sign-webhook.ts";
import { decodeSigningSecret } from "./signing-secret.ts";

/** Default allowed clock difference between sender and receiver, as in the spec. */
export const DEFAULT_VERIFY_TOLERANCE_SECONDS = 300;

export interface VerifyOptions {
  headers: { id: string; timestamp: string; signature: string };
  /** Exact received body bytes (a string is taken as UTF-8). */
  body: Uint8Array | string;
  secret: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}

export type VerifyFailureReason =
  | "bad-signature"
  | "timestamp-too-old"
  | "timestamp-too-new"
  | "malformed";

export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailureReason };

// No leading zeros: the number we sign must read exactly like the header we received.
const TIMESTAMP_PATTERN = /^(?:0|[1-9]\d{0,14})$/;
const SIGNATURE_VERSION_PREFIX = "v1,";

function matchesAny(signatureHeader: string, expected: Buffer): boolean {
  let matched = false;
  for (const entry of signatureHeader.split(" ")) {
    if (!entry.startsWith(SIGNATURE_VERSION_PREFIX)) continue; // other versions, e.g. v1a
    const candidate = Buffer.from(entry.slice(SIGNATURE_VERSION_PREFIX.length), "utf8");
    // No early exit: every entry costs the same whether or not an earlier one matched.
    if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) {
      matched = true;
    }
  }
  return matched;
}

/**
 * Verifies a Standard Webhooks v1 request: timestamp within tolerance and at least one `v1`
 * signature made with `secret`. Used by receivers and by our own tests and tools.
 *
 * @throws SigningSecretError when `secret` itself is malformed (a configuration bug).
 * @example
 * const result = verifyWebhook({ headers, body, secret, nowSeconds: Math.floor(Date.now() / 1000) });
 * if (!result.ok) return new Response(result.reason, { status: 401 });
 */
export function verifyWebhook(options: VerifyOptions): VerifyResult {
  const { headers, body, nowSeconds } = options;
  const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_VERIFY_TOLERANCE_SECONDS;
  const key = decodeSigningSecret(options.secret);
  if (
    headers.id === "" ||
    !TIMESTAMP_PATTERN.test(headers.timestamp) ||
    headers.signature.trim() === ""
  ) {
    return { ok: false, reason: "malformed" };
  }
  const timestampSeconds = Number(headers.timestamp);
  if (nowSeconds - timestampSeconds > toleranceSeconds) {
    return { ok: false, reason: "timestamp-too-old" };
  }
  if (timestampSeconds - nowSeconds > toleranceSeconds) {
    return { ok: false, reason: "timestamp-too-new" };
  }
  const expected = Buffer.from(computeSignature(key, headers.id, timestampSeconds, body), "utf8");
  return matchesAny(headers.signature, expected)
    ? { ok: true }
    : { ok: false, reason: "bad-signature" };
}
