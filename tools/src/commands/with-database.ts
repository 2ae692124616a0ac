import type { DbHandle } from "@rebound/db";
import type { ReboundEnv } from "../env.ts";
import { openMigratedDatabase } from "../open-database.ts";

/** Runs one short command on the (migrated) database and always closes it. */
export async function withDatabase<T>(
  env: ReboundEnv,
  work: (handle: DbHandle) => Promise<T>,
): Promise<T> {
  const handle = await openMigratedDatabase(env);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}
