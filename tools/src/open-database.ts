import { join } from "node:path";
import { createDb, type DbHandle, migrate } from "@rebound/db";
import { CliError } from "./cli-error.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import type { ReboundEnv } from "./env.ts";

/** Where the data lives, for messages: "PostgreSQL" or the PGlite directory. */
export function describeDatabase(env: ReboundEnv): string {
  return env.database.driver === "postgres"
    ? "PostgreSQL (DATABASE_URL)"
    : `embedded PGlite in ${join(env.dataDir, "pglite")}`;
}

/**
 * Opens the configured database and applies pending migrations. In embedded mode it first locks
 * the data directory (PGlite is single-process); closing the handle releases the lock.
 */
export async function openMigratedDatabase(env: ReboundEnv): Promise<DbHandle> {
  try {
    return await open(env);
  } catch (cause) {
    if (cause instanceof CliError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CliError(`cannot open ${describeDatabase(env)}: ${reason}`, 1, { cause });
  }
}

async function open(env: ReboundEnv): Promise<DbHandle> {
  if (env.database.driver === "postgres") {
    const handle = await createDb({ driver: "postgres", url: env.database.url });
    return migrated(handle, () => {});
  }
  const lock = lockDataDir(env.dataDir);
  try {
    const handle = await createDb({ driver: "pglite", dataDir: join(env.dataDir, "pglite") });
    return migrated(handle, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function migrated(handle: DbHandle, onClose: () => void): Promise<DbHandle> {
  const close = async () => {
    try {
      await handle.close();
    } finally {
      onClose();
    }
  };
  try {
    await migrate(handle);
  } catch (error) {
    await close();
    throw error;
  }
  return { ...handle, close };
}
