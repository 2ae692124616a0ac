import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateMasterKey, parseMasterKey } from "@rebound/db";
import { CliError } from "./cli-error.ts";
import type { ReboundEnv } from "./env.ts";

export interface MasterKeyResult {
  key: Uint8Array;
  /** Set when the key comes from (or was just written to) `<dataDir>/master.key`. */
  file: { path: string; created: boolean } | null;
}

/**
 * The configured master key, or in embedded mode the one in `<dataDir>/master.key`, generated
 * once (mode 0600) on first start and reused after.
 */
export function resolveMasterKey(env: ReboundEnv): MasterKeyResult {
  if (env.masterKey !== null) return { key: env.masterKey, file: null };
  const path = join(env.dataDir, "master.key");
  let text: string;
  let created = false;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    text = generateMasterKey();
    mkdirSync(env.dataDir, { recursive: true });
    writeFileSync(path, `${text}\n`, { flag: "wx", mode: 0o600 });
    created = true;
  }
  const key = parseMasterKey(text);
  if (key === null) {
    throw new CliError(`${path} does not hold a master key (32 bytes as base64 or hex)`);
  }
  return { key, file: { path, created } };
}
