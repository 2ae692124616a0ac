import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { callbackProfiles } from "./callback-profiles.ts";
import { timestamps } from "./columns.ts";
import { deliveryStatus } from "./enums.ts";

/** One callback to send for one event; the dispatcher claims due rows with SKIP LOCKED. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => callbackProfiles.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    data: jsonb("data").notNull(),
    idempotencyKey: text("idempotency_key"),
    status: deliveryStatus("status").notNull().default("pending"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    leasedBy: text("leased_by"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    responseMessage: text("response_message"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("deliveries_idempotency_key")
      .on(table.accountId, table.idempotencyKey)
      .where(sql`${table.idempotencyKey} is not null`),
    index("deliveries_due_idx").on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
    // Reclaim scans only live leases.
    index("deliveries_lease_idx")
      .on(table.leaseExpiresAt)
      .where(sql`${table.status} = 'delivering'`),
    index("deliveries_profile_status_idx").on(table.profileId, table.status),
    index("deliveries_account_created_idx").on(table.accountId, table.createdAt),
    // Callback reports count an account's finished deliveries by completion time. Only finished
    // rows are indexed (inserts of pending rows skip it), and the trailing columns are all the
    // report reads, so PostgreSQL can answer from the index alone.
    index("deliveries_account_completed_idx")
      .on(table.accountId, table.completedAt, table.status, table.profileId, table.lastStatusCode)
      .where(sql`${table.status} in ('delivered', 'failed')`),
  ],
);

export type DeliveryRow = typeof deliveries.$inferSelect;
export type NewDeliveryRow = typeof deliveries.$inferInsert;
