import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A company using Rebound; `sid` is its public identifier in every URL. */
export const accounts = pgTable("accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  sid: text("sid").notNull().unique(),
  name: text("name").notNull(),
  /** IANA time zone; reports are scheduled in it. */
  timezone: text("timezone").notNull().default("UTC"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;
