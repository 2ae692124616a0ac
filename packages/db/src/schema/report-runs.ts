import { sql } from "drizzle-orm";
import { bigserial, index, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { mailSendColumns } from "./columns.ts";
import { reportFrequency, reportRunStatus } from "./enums.ts";

/** One report email per (account, frequency, window); the unique key makes sending exactly-once. */
export const reportRuns = pgTable(
  "report_runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    frequency: reportFrequency("frequency").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    windowEnd: timestamp("window_end", { withTimezone: true }).notNull(),
    status: reportRunStatus("status").notNull().default("sending"),
    ...mailSendColumns,
  },
  (table) => [
    uniqueIndex("report_runs_window_key").on(table.accountId, table.frequency, table.windowEnd),
    // Runs a crashed sender left behind, and failures waiting for a retry: both few.
    index("report_runs_lease_idx").on(table.leaseExpiresAt).where(sql`${table.status} = 'sending'`),
    index("report_runs_retry_idx")
      .on(table.retryAt)
      .where(sql`${table.status} = 'failed' and ${table.retryAt} is not null`),
  ],
);

export type ReportRunRow = typeof reportRuns.$inferSelect;
