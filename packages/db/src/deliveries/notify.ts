import { sql } from "drizzle-orm";
import type { Database } from "../create-db.ts";

/** NOTIFY channel the dispatcher listens on; a notification means "there may be due work". */
export const DELIVERIES_CHANNEL = "rebound_deliveries";

/** Something that runs SQL: the database or a transaction of it. */
export type SqlRunner = Pick<Database, "execute">;

/**
 * Wakes the dispatcher. Inside a transaction PostgreSQL delivers the notification at commit (and
 * drops it on rollback), so a listener never looks before the rows are visible.
 */
export async function notifyDeliveries(runner: SqlRunner): Promise<void> {
  await runner.execute(sql`select pg_notify(${DELIVERIES_CHANNEL}, '')`);
}
