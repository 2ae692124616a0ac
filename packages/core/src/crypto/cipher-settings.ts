import { GCM_TAG_LENGTH } from "./aes-modes.ts";
import {
  type CipherMode,
  cipherModeOf,
  type EncryptionAlgorithm,
  IV_LENGTH,
  type IvMode,
  isEncryptionAlgorithm,
  keyLengthFor,
} from "./algorithms.ts";
import { EncryptionError } from "./errors.ts";
import { encodeUtf8 } from "./utf8.ts";

/**
 * How one callback profile encrypts variable values. `key` and `iv` are used as their UTF-8
 * bytes; `iv` is ignored in `random` mode, where every value gets a fresh IV/nonce.
 */
export interface EncryptionSettings {
  algo: EncryptionAlgorithm;
  key: string;
  iv: string;
  ivMode: IvMode;
}

/** Byte layout of one encrypted value, derived from the settings. */
export interface CipherLayout {
  mode: CipherMode;
  key: Uint8Array;
  /** The fixed IV bytes, or `undefined` in random mode. */
  fixedIv: Uint8Array | undefined;
  /** Bytes of random IV/nonce prepended to the output (0 in fixed mode). */
  prefixLength: number;
  /** Bytes appended after the ciphertext (the GCM tag, else 0). */
  suffixLength: number;
}

// Random GCM uses the standard 96-bit nonce; random CFB needs a full block.
const RANDOM_GCM_NONCE_LENGTH = 12;

/**
 * Encodes and checks the settings once per call. Invalid settings are a caller bug (profiles are
 * validated on save with `checkEncryptionSettings`), hence a thrown `EncryptionError`.
 */
export function cipherLayoutOf(settings: EncryptionSettings): CipherLayout {
  const { algo, ivMode } = settings;
  if (!isEncryptionAlgorithm(algo)) throw new EncryptionError(`unsupported algorithm "${algo}"`);
  const mode = cipherModeOf(algo);
  const key = encodeUtf8(settings.key);
  if (key.length !== keyLengthFor(algo)) {
    throw new EncryptionError(`key must be ${keyLengthFor(algo)} bytes for ${algo}`);
  }
  const suffixLength = mode === "gcm" ? GCM_TAG_LENGTH : 0;
  switch (ivMode) {
    case "fixed": {
      const fixedIv = encodeUtf8(settings.iv);
      if (fixedIv.length !== IV_LENGTH) throw new EncryptionError(`IV must be ${IV_LENGTH} bytes`);
      return { mode, key, fixedIv, prefixLength: 0, suffixLength };
    }
    case "random": {
      const prefixLength = mode === "gcm" ? RANDOM_GCM_NONCE_LENGTH : IV_LENGTH;
      return { mode, key, fixedIv: undefined, prefixLength, suffixLength };
    }
    default: {
      const unknownMode: never = ivMode;
      throw new EncryptionError(`unsupported IV mode "${String(unknownMode)}"`);
    }
  }
}
