import type { ProfileEncryption } from "@rebound/core";
import { maskSecret } from "./mask-secret.ts";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Clients edit a profile by sending back what GET returned, including the masked `enc.key` and
 * `enc.IV`. A value equal to the masked form of the stored one means "unchanged": it is replaced
 * by the stored secret before validation. Returns a new patch; the input is not modified.
 */
export function restoreEchoedSecrets(patch: unknown, stored: ProfileEncryption | null): unknown {
  if (stored === null || !isPlainObject(patch) || !isPlainObject(patch.enc)) return patch;
  const enc = { ...patch.enc };
  if (enc.key === maskSecret(stored.key)) enc.key = stored.key;
  if (enc.IV === maskSecret(stored.IV)) enc.IV = stored.IV;
  return { ...patch, enc };
}
