import { bigserial, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
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
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("report_runs_window_key").on(table.accountId, table.frequency, table.windowEnd),
  ],
);

export type ReportRunRow = typeof reportRuns.$inferSelect;
