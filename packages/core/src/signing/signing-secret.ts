import { randomBytes as nodeRandomBytes } from "node:crypto";

/** Prefix of every Standard Webhooks signing secret. */
export const SIGNING_SECRET_PREFIX = "whsec_";

/** Bytes of key material in a freshly generated secret. */
export const SIGNING_SECRET_BYTES = 32;
export const MIN_SIGNING_SECRET_BYTES = 24;
export const MAX_SIGNING_SECRET_BYTES = 64;

// Canonical, padded standard base64 only: lenient decoders (Buffer) silently skip bad characters.
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Thrown when a signing secret is malformed or missing; it is a configuration bug, not an outcome. */
export class SigningSecretError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SigningSecretError";
  }
}

export interface GenerateSigningSecretOptions {
  /** Source of random bytes; defaults to node:crypto randomBytes. Inject for deterministic tests. */
  randomBytes?: (n: number) => Uint8Array;
}

/**
 * Creates a new signing secret with 32 bytes of key material.
 *
 * @example
 * generateSigningSecret(); // "whsec_" + 44 base64 characters
 */
export function generateSigningSecret(options: GenerateSigningSecretOptions = {}): string {
  const random = options.randomBytes ?? nodeRandomBytes;
  const bytes = random(SIGNING_SECRET_BYTES);
  if (bytes.length !== SIGNING_SECRET_BYTES) {
    throw new SigningSecretError(
      `randomBytes returned ${bytes.length} bytes, expected ${SIGNING_SECRET_BYTES}`,
    );
  }
  return `${SIGNING_SECRET_PREFIX}${Buffer.from(bytes).toString("base64")}`;
}

function decodeKey(value: string): Buffer | null {
  if (!value.startsWith(SIGNING_SECRET_PREFIX)) return null;
  const encoded = value.slice(SIGNING_SECRET_PREFIX.length);
  if (!BASE64_PATTERN.test(encoded)) return null;
  const key = Buffer.from(encoded, "base64");
  if (key.length < MIN_SIGNING_SECRET_BYTES || key.length > MAX_SIGNING_SECRET_BYTES) return null;
  return key;
}

/**
 * True when `value` is `whsec_` followed by padded base64 of 24 to 64 bytes.
 * Use it to validate secrets before storing them, so signing never meets a bad one.
 */
export function isSigningSecret(value: string): boolean {
  return decodeKey(value) !== null;
}

/**
 * Returns the HMAC key bytes of a signing secret.
 *
 * @throws SigningSecretError when the secret is malformed (the message never contains the secret).
 */
export function decodeSigningSecret(secret: string): Buffer {
  const key = decodeKey(secret);
  if (key === null) {
    throw new SigningSecretError(
      `signing secret must be "${SIGNING_SECRET_PREFIX}" followed by base64 of ` +
        `${MIN_SIGNING_SECRET_BYTES}-${MAX_SIGNING_SECRET_BYTES} bytes`,
    );
  }
  return key;
}
