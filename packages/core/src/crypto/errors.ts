/** Why a ciphertext could not be opened. */
export type DecryptionFailure = "base64" | "too-short" | "authentication" | "utf8";

/**
 * Thrown by `decrypt` when the input is not something `encrypt` produced with these settings.
 * `reason` lets callers tell malformed input from a failed integrity check.
 */
export class DecryptionError extends Error {
  override readonly name = "DecryptionError";
  readonly reason: DecryptionFailure;

  constructor(reason: DecryptionFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/**
 * Thrown by `encrypt`/`decrypt` on a programming or configuration error: settings that
 * `checkEncryptionSettings` would reject, or an injected `randomBytes` returning the wrong length.
 */
export class EncryptionError extends Error {
  override readonly name = "EncryptionError";
}
