import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** The one database type services use; both drivers implement it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DbConfig =
  | { driver: "postgres"; url: string; maxConnections?: number }
  /** `dataDir` omitted = in memory (tests). */
  | { driver: "pglite"; dataDir?: string };

export interface DbHandle {
  db: Database;
  config: DbConfig;
  /** Raw parameterised SQL on the same connection(s), for statements drizzle does not model. */
  query<Row extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Subscribes to a NOTIFY channel (a dedicated connection on PostgreSQL); resolves to an
   * unsubscribe function. Payloads are strings ("" when none).
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Opens a database: PostgreSQL through postgres.js, or embedded PGlite. Nothing is opened at
 * import time; callers own the handle and close it.
 *
 * @example const { db, close } = await createDb({ driver: "pglite", dataDir: ".rebound/db" });
 */
export async function createDb(config: DbConfig): Promise<DbHandle> {
  if (config.driver === "postgres") {
    const client = postgres(config.url, {
      max: config.maxConnections ?? 10,
      onnotice: () => {},
    });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Database,
      config,
      query: async <Row extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
        (await client.unsafe(
          text,
          params as postgres.ParameterOrJSON<never>[],
        )) as unknown as Row[],
      listen: async (channel, onNotify) => {
        const { unlisten } = await client.listen(channel, (payload) => onNotify(payload ?? ""));
        return unlisten;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = await PGlite.create(config.dataDir);
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    config,
    query: async <Row extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await client.query<Row>(text, params)).rows,
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, (payload) => onNotify(payload ?? ""));
      return () => unlisten();
    },
    close: () => client.close(),
  };
}
