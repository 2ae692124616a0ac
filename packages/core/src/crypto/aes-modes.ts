import { createCipheriv, createDecipheriv } from "node:crypto";
import { cfb } from "@noble/ciphers/aes.js";
import type { CipherMode } from "./algorithms.ts";

/** GCM authentication tag length in bytes; appended to the ciphertext. */
export const GCM_TAG_LENGTH = 16;

type GcmAlgorithm = "aes-128-gcm" | "aes-192-gcm" | "aes-256-gcm";

function gcmAlgorithmOf(key: Uint8Array): GcmAlgorithm {
  return `aes-${key.length * 8}-gcm` as GcmAlgorithm;
}

/**
 * Raw AES layer over bytes: CFB128 returns the ciphertext, GCM returns ciphertext‖tag.
 * CFB is pure TypeScript (@noble/ciphers) because Bun's node:crypto has no aes-192-cfb; GCM uses
 * node:crypto, which both runtimes have for all key sizes and which is ~25× faster than a pure
 * GHASH (the known-answer and cross-check tests pin identical bytes on both runtimes).
 * GCM accepts any IV length (12 bytes is the standard nonce; other lengths derive J0 through
 * GHASH). `aad` exists only for GCM test vectors. `output` must have the result's length; it lets
 * the caller write behind a prepended IV.
 */
export function aesEncrypt(
  mode: CipherMode,
  key: Uint8Array,
  iv: Uint8Array,
  plaintext: Uint8Array,
  output?: Uint8Array,
  aad?: Uint8Array,
): Uint8Array {
  if (mode === "cfb") return cfb(key, iv).encrypt(plaintext, output);
  const cipher = createCipheriv(gcmAlgorithmOf(key), key, iv, { authTagLength: GCM_TAG_LENGTH });
  if (aad) cipher.setAAD(aad);
  const sealed = output ?? new Uint8Array(plaintext.length + GCM_TAG_LENGTH);
  const body = cipher.update(plaintext);
  sealed.set(body);
  const rest = cipher.final();
  sealed.set(rest, body.length);
  sealed.set(cipher.getAuthTag(), plaintext.length);
  return sealed;
}

/**
 * Inverse of `aesEncrypt`. For GCM `ciphertext` is ciphertext‖tag and a tag mismatch throws
 * before any plaintext is returned.
 */
export function aesDecrypt(
  mode: CipherMode,
  key: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  aad?: Uint8Array,
): Uint8Array {
  if (mode === "cfb") return cfb(key, iv).decrypt(ciphertext);
  if (ciphertext.length < GCM_TAG_LENGTH) throw new RangeError("GCM input shorter than its tag");
  const split = ciphertext.length - GCM_TAG_LENGTH;
  const decipher = createDecipheriv(gcmAlgorithmOf(key), key, iv, {
    authTagLength: GCM_TAG_LENGTH,
  });
  decipher.setAuthTag(ciphertext.subarray(split));
  if (aad) decipher.setAAD(aad);
  const body = decipher.update(ciphertext.subarray(0, split));
  const rest = decipher.final();
  const plain = new Uint8Array(body.length + rest.length);
  plain.set(body);
  plain.set(rest, body.length);
  return plain;
}
