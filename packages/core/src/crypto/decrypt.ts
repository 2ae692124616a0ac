import { aesDecrypt } from "./aes-modes.ts";
import { base64ToBytes } from "./base64.ts";
import { cipherLayoutOf, type EncryptionSettings } from "./cipher-settings.ts";
import { DecryptionError } from "./errors.ts";
import { decodeUtf8Strict } from "./utf8.ts";

/**
 * Opens a value produced by `encrypt` with the same settings (either IV mode). Receivers need
 * this; we use it for round-trip checks and tooling.
 * @throws DecryptionError on malformed base64, input shorter than the IV/tag, a GCM tag
 * mismatch (wrong key/IV or tampering), or a result that is not UTF-8 (e.g. wrong CFB key).
 * @throws EncryptionError when the settings themselves are invalid.
 * @example
 * decrypt(encrypt("hi", settings), settings) // "hi"
 */
export function decrypt(ciphertextBase64: string, settings: EncryptionSettings): string {
  const layout = cipherLayoutOf(settings);
  const bytes = base64ToBytes(ciphertextBase64);
  if (bytes === undefined) {
    throw new DecryptionError("base64", "ciphertext is not standard padded base64");
  }
  const minLength = layout.prefixLength + layout.suffixLength;
  if (bytes.length < minLength) {
    throw new DecryptionError(
      "too-short",
      `ciphertext is ${bytes.length} bytes, at least ${minLength} expected for ${settings.algo} (${settings.ivMode} IV)`,
    );
  }
  const iv = layout.fixedIv ?? bytes.subarray(0, layout.prefixLength);
  const body = bytes.subarray(layout.prefixLength);
  let plain: Uint8Array;
  try {
    plain = aesDecrypt(layout.mode, layout.key, iv, body);
  } catch (cause) {
    // Lengths were checked above, so the only failure left is GCM authentication.
    throw new DecryptionError("authentication", "GCM authentication tag does not match", {
      cause,
    });
  }
  try {
    return decodeUtf8Strict(plain);
  } catch (cause) {
    throw new DecryptionError("utf8", "decrypted bytes are not UTF-8 (wrong key or IV?)", {
      cause,
    });
  }
}
