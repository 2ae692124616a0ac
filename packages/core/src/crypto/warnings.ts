import { cipherModeOf } from "./algorithms.ts";
import type { EncryptionSettings } from "./cipher-settings.ts";

/**
 * Human-readable warnings about weak but allowed settings, shown when a profile is saved.
 * GCM with a fixed IV reuses one nonce for every value: two captured values reveal the XOR of
 * their plaintexts and the GHASH key, which allows forging values the receiver will accept.
 * @example
 * encryptionWarnings({ algo: "AES-256-GCM", ivMode: "fixed" }) // [one warning]
 */
export function encryptionWarnings(
  settings: Pick<EncryptionSettings, "algo" | "ivMode">,
): string[] {
  if (settings.ivMode !== "fixed" || cipherModeOf(settings.algo) !== "gcm") return [];
  return [
    `${settings.algo} with a fixed IV reuses the same nonce for every encrypted value: ` +
      "anyone who sees two values can learn how their plaintexts relate and forge values that " +
      'pass authentication. Use iv_mode: "random" (a fresh nonce per value, sent with it) ' +
      "unless the receiver only supports a fixed IV.",
  ];
}
