import { boolean, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { timestamps } from "./columns.ts";
import type { ReportFrequency } from "./statuses.ts";

/** The Callback Report settings of an account (UI seed: Notification tab). */
export const reportSettings = pgTable("report_settings", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(false),
  frequencies: jsonb("frequencies").$type<ReportFrequency[]>().notNull().default([]),
  /** Normalised comma-separated recipient list, as the seed's form takes it. */
  emails: text("emails").notNull().default(""),
  ...timestamps,
});

export type ReportSettingsRow = typeof reportSettings.$inferSelect;
