import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "rbk_";
/** Characters of the key kept in clear to recognise it (`rbk_` plus 8). */
const DISPLAY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

export interface GeneratedApiKey {
  /** Shown once to the user; never stored. */
  key: string;
  prefix: string;
  hash: string;
}

/** SHA-256 (hex) of a key: keys are long random strings, so a fast hash is enough. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** A new API key with 32 random bytes. */
export function generateApiKey(): GeneratedApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashApiKey(key) };
}
