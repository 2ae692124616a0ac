import { createHmac } from "node:crypto";
import { decodeSigningSecret, SigningSecretError } from "./signing-secret.ts";

export interface SignOptions {
  /** `webhook-id`: stable across retries of one delivery. */
  id: string;
  /** `webhook-timestamp`: integer unix seconds of this try. */
  timestampSeconds: number;
  /** Exact request body bytes (a string is signed as UTF-8); empty for GET/DELETE. */
  body: Uint8Array | string;
  /** Active secrets, newest first; during rotation the previous one keeps signing for 24 h. */
  secrets: readonly string[];
}

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

// Header values: visible ASCII only, so the id can never smuggle a space, comma or line break.
const HEADER_TOKEN_PATTERN = /^[\x21-\x7e]+$/;

function assertSignable(id: string, timestampSeconds: number): void {
  if (!HEADER_TOKEN_PATTERN.test(id)) {
    throw new RangeError("webhook id must be non-empty visible ASCII");
  }
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError(
      `webhook timestamp must be a non-negative integer, got ${timestampSeconds}`,
    );
  }
}

/**
 * Computes the base64 HMAC-SHA256 of `${id}.${timestamp}.${body}` with one key.
 * The body is fed to the HMAC as is, never concatenated into a new string.
 */
export function computeSignature(
  key: Uint8Array,
  id: string,
  timestampSeconds: number,
  body: Uint8Array | string,
): string {
  return createHmac("sha256", key)
    .update(`${id}.${timestampSeconds}.`)
    .update(body)
    .digest("base64");
}

/**
 * Builds the Standard Webhooks v1 `webhook-signature` value: one `v1,<base64>` entry per secret.
 *
 * @throws SigningSecretError when `secrets` is empty or one of them is malformed.
 * @throws RangeError when the id or timestamp cannot be put in a header.
 * @example
 * signWebhook({ id: "msg_1", timestampSeconds: 1700000000, body: "{}", secrets: [current, previous] });
 * // "v1,<base64 for current> v1,<base64 for previous>"
 */
export function signWebhook(options: SignOptions): string {
  const { id, timestampSeconds, body, secrets } = options;
  if (secrets.length === 0) {
    throw new SigningSecretError("at least one signing secret is required");
  }
  assertSignable(id, timestampSeconds);
  const entries: string[] = [];
  for (const secret of secrets) {
    const key = decodeSigningSecret(secret);
    entries.push(`v1,${computeSignature(key, id, timestampSeconds, body)}`);
  }
  return entries.join(" ");
}

/**
 * Returns the three Standard Webhooks headers for one try of a delivery.
 *
 * @example
 * const headers = webhookHeaders({ id, timestampSeconds: Math.floor(nowMs / 1000), body, secrets });
 */
export function webhookHeaders(options: SignOptions): WebhookHeaders {
  return {
    "webhook-id": options.id,
    "webhook-timestamp": String(options.timestampSeconds),
    "webhook-signature": signWebhook(options),
  };
}
