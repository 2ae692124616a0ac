/** The AES variants a callback profile may use to encrypt template variable values. */
export const ENCRYPTION_ALGORITHMS = [
  "AES-128-CFB",
  "AES-128-GCM",
  "AES-192-CFB",
  "AES-192-GCM",
  "AES-256-CFB",
  "AES-256-GCM",
] as const;
export type EncryptionAlgorithm = (typeof ENCRYPTION_ALGORITHMS)[number];

/**
 * How the IV is chosen: `fixed` reuses the profile's IV for every value (the original product's
 * behaviour), `random` draws a fresh IV/nonce per value and prepends it to the output.
 */
export const IV_MODES = ["fixed", "random"] as const;
export type IvMode = (typeof IV_MODES)[number];

/** Required length in UTF-8 bytes of a profile's IV string, for every algorithm. */
export const IV_LENGTH = 16;

/** Block cipher mode behind an algorithm name. */
export type CipherMode = "cfb" | "gcm";

interface AlgorithmSpec {
  keyLength: 16 | 24 | 32;
  mode: CipherMode;
}

const SPECS: Record<EncryptionAlgorithm, AlgorithmSpec> = {
  "AES-128-CFB": { keyLength: 16, mode: "cfb" },
  "AES-128-GCM": { keyLength: 16, mode: "gcm" },
  "AES-192-CFB": { keyLength: 24, mode: "cfb" },
  "AES-192-GCM": { keyLength: 24, mode: "gcm" },
  "AES-256-CFB": { keyLength: 32, mode: "cfb" },
  "AES-256-GCM": { keyLength: 32, mode: "gcm" },
};

/**
 * Key length in bytes an algorithm requires; the key string's UTF-8 bytes are used as is.
 * @example keyLengthFor("AES-192-GCM") // 24
 */
export function keyLengthFor(algo: EncryptionAlgorithm): 16 | 24 | 32 {
  return SPECS[algo].keyLength;
}

/** Cipher mode (CFB128 or GCM) of an algorithm. */
export function cipherModeOf(algo: EncryptionAlgorithm): CipherMode {
  return SPECS[algo].mode;
}

/**
 * Narrows untrusted input (profile JSON) to a supported algorithm name; exact, case-sensitive.
 * @example isEncryptionAlgorithm("AES-256-GCM") // true
 */
export function isEncryptionAlgorithm(value: unknown): value is EncryptionAlgorithm {
  return typeof value === "string" && Object.hasOwn(SPECS, value);
}

/** Narrows untrusted input to an IV mode. */
export function isIvMode(value: unknown): value is IvMode {
  return value === "fixed" || value === "random";
}
