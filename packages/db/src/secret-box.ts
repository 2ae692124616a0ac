import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const MASTER_KEY_BYTES = 32;

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

/**
 * Seals secrets at rest (profile encryption keys, signing secrets) with AES-256-GCM under the
 * master key. Output `v1:<base64(nonce‖ciphertext‖tag)>`; a wrong key or tampering fails to open.
 */
export class SecretBox {
  readonly #key: Uint8Array;

  constructor(masterKey: Uint8Array) {
    if (masterKey.length !== MASTER_KEY_BYTES) {
      throw new SecretBoxError(`master key must be ${MASTER_KEY_BYTES} bytes`);
    }
    this.#key = masterKey;
  }

  seal(plaintext: string): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return `${VERSION}:${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString("base64")}`;
  }

  open(sealed: string): string {
    const [version, payload] = sealed.split(":", 2);
    if (version !== VERSION || payload === undefined) {
      throw new SecretBoxError("sealed value has an unknown format");
    }
    const bytes = Buffer.from(payload, "base64");
    if (bytes.length < NONCE_BYTES + TAG_BYTES)
      throw new SecretBoxError("sealed value is too short");
    const decipher = createDecipheriv("aes-256-gcm", this.#key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      const body = bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    } catch (cause) {
      throw new SecretBoxError("sealed value cannot be opened (wrong master key?)", { cause });
    }
  }
}

/** Reads a master key given as base64 or hex of 32 bytes; returns null when it is neither. */
export function parseMasterKey(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) return Buffer.from(trimmed, "base64");
  return null;
}

/** A fresh master key, base64. */
export function generateMasterKey(): string {
  return randomBytes(MASTER_KEY_BYTES).toString("base64");
}
