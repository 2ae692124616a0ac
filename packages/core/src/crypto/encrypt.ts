import { randomBytes as nodeRandomBytes } from "node:crypto";
import { aesEncrypt } from "./aes-modes.ts";
import { bytesToBase64 } from "./base64.ts";
import { cipherLayoutOf, type EncryptionSettings } from "./cipher-settings.ts";
import { EncryptionError } from "./errors.ts";
import { encodeUtf8 } from "./utf8.ts";

export interface EncryptOptions {
  /** Source of random IVs/nonces in `random` mode; defaults to node:crypto `randomBytes`. */
  randomBytes?: (length: number) => Uint8Array;
}

/**
 * Encrypts one template variable value for a callback. Output is standard base64 of
 * ciphertext (CFB) or ciphertext‖tag (GCM) in `fixed` mode, with the random IV (CFB, 16 bytes) or
 * nonce (GCM, 12 bytes) prepended in `random` mode. Identical on Bun and Node.
 * @throws EncryptionError when the settings are invalid or `randomBytes` returns a wrong length.
 * @example
 * encrypt("42", { algo: "AES-128-GCM", key: "0123456789abcdef", iv: "", ivMode: "random" })
 * // => base64(nonce‖ciphertext‖tag), different on every call
 */
export function encrypt(
  plaintext: string,
  settings: EncryptionSettings,
  options: EncryptOptions = {},
): string {
  const layout = cipherLayoutOf(settings);
  const data = encodeUtf8(plaintext);
  if (layout.fixedIv !== undefined) {
    return bytesToBase64(aesEncrypt(layout.mode, layout.key, layout.fixedIv, data));
  }
  const iv = drawIv(options.randomBytes ?? nodeRandomBytes, layout.prefixLength);
  const out = new Uint8Array(layout.prefixLength + data.length + layout.suffixLength);
  out.set(iv);
  // Writing behind the IV avoids a concat (the 12/16-byte offset keeps noble CFB 4-byte aligned).
  aesEncrypt(layout.mode, layout.key, iv, data, out.subarray(layout.prefixLength));
  return bytesToBase64(out);
}

function drawIv(randomBytes: (length: number) => Uint8Array, length: number): Uint8Array {
  const iv = randomBytes(length);
  if (!(iv instanceof Uint8Array) || iv.length !== length) {
    throw new EncryptionError(`randomBytes(${length}) must return ${length} bytes`);
  }
  return iv;
}
