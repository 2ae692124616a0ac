import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type DbHandle } from "@rebound/db";
import {
  type AccountApi,
  type AccountCredentials,
  accountApi,
  firstStartCredentials,
} from "./account-api.ts";
import { type RunningRebound, startRebound } from "./rebound-process.ts";

export interface EmbeddedRebound {
  rebound: RunningRebound;
  api: AccountApi;
  /** The demo account's, from the first start; pass them to a restart. */
  credentials: AccountCredentials;
}

/** A fresh data directory for one test file; remove it with `rmSync(dir, {recursive, force})`. */
export function tempDataDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `rebound-${name}-`));
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/**
 * `rebound start` (API and dispatcher) on embedded PGlite in `dataDir`, on a free port. The
 * first start creates the demo account; a restart on the same directory needs its credentials.
 */
export async function startEmbedded(
  dataDir: string,
  env: Record<string, string> = {},
  credentials?: AccountCredentials,
): Promise<EmbeddedRebound> {
  const rebound = await startRebound(["--port", "0"], { ...env, REBOUND_DATA_DIR: dataDir });
  try {
    const account = credentials ?? firstStartCredentials(rebound.stdout());
    return { rebound, api: accountApi(rebound.url, account), credentials: account };
  } catch (error) {
    rebound.kill();
    throw error;
  }
}

/** Opens the PGlite database of a stopped embedded Rebound, to check what it recorded. */
export function openStoppedDataDir(dataDir: string): Promise<DbHandle> {
  return createDb({ driver: "pglite", dataDir: join(dataDir, "pglite") });
}
