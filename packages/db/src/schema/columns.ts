import { timestamp } from "drizzle-orm/pg-core";

/** Creation and last-change times every mutable table carries. */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
};
