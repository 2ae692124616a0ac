import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { createDb, type DbHandle } from "../create-db.ts";
import { MIGRATIONS_FOLDER, migrate } from "../migrate.ts";

export type TestDriver = "pglite" | "postgres";

/** Serialises template creation and cloning across test workers. */
const TEMPLATE_LOCK_ID = 74_221_904;

/**
 * The drivers to run database tests on: PGlite always, PostgreSQL when `DATABASE_URL` is set.
 * When it is not, this says so on stderr instead of skipping silently.
 */
export function testDrivers(): TestDriver[] {
  if (process.env.DATABASE_URL) return ["pglite", "postgres"];
  console.warn("DATABASE_URL is not set: PostgreSQL tests are SKIPPED (PGlite only)");
  return ["pglite"];
}

function templateName(): string {
  const journal = readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"));
  return `rebound_tpl_${createHash("sha256").update(journal).digest("hex").slice(0, 12)}`;
}

async function ensureTemplate(admin: postgres.Sql, baseUrl: string, name: string): Promise<void> {
  const existing = await admin`select 1 from pg_database where datname = ${name}`;
  if (existing.length > 0) return;
  await admin.unsafe(`create database "${name}"`);
  const handle = await createDb({
    driver: "postgres",
    url: withDatabase(baseUrl, name),
    maxConnections: 1,
  });
  try {
    await migrate(handle);
  } finally {
    await handle.close();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * An isolated, migrated database: in-memory PGlite, or a PostgreSQL database cloned from a
 * migrated template (fast) and dropped on close.
 */
export async function createTestDatabase(driver: TestDriver): Promise<DbHandle> {
  if (driver === "pglite") {
    const handle = await createDb({ driver: "pglite" });
    await migrate(handle);
    return handle;
  }
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("DATABASE_URL is required for PostgreSQL tests");
  const name = `rebound_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(${TEMPLATE_LOCK_ID})`;
    const template = templateName();
    await ensureTemplate(admin, baseUrl, template);
    await admin.unsafe(`create database "${name}" template "${template}"`);
    await admin`select pg_advisory_unlock(${TEMPLATE_LOCK_ID})`;
  } finally {
    await admin.end({ timeout: 5 });
  }
  const handle = await createDb({
    driver: "postgres",
    url: withDatabase(baseUrl, name),
    maxConnections: 4,
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}
