import { sql } from "drizzle-orm";
import { bigserial, index, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { callbackProfiles } from "./callback-profiles.ts";
import { mailSendColumns } from "./columns.ts";
import { autoDisableNoticeStatus } from "./enums.ts";

/**
 * The email telling an account's report recipients that a profile was auto-disabled: one per
 * (profile, disabled_at). Re-enabling clears `callback_profiles.disabled_at` and the next disable
 * sets a new one, so each disable is notified once.
 */
export const autoDisableNotices = pgTable(
  "auto_disable_notices",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    profileId: uuid("profile_id")
      .notNull()
      .references(() => callbackProfiles.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The profile's `disabled_at` this notice is about. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }).notNull(),
    status: autoDisableNoticeStatus("status").notNull().default("sending"),
    ...mailSendColumns,
  },
  (table) => [
    uniqueIndex("auto_disable_notices_disable_key").on(table.profileId, table.disabledAt),
    index("auto_disable_notices_lease_idx")
      .on(table.leaseExpiresAt)
      .where(sql`${table.status} = 'sending'`),
    index("auto_disable_notices_retry_idx")
      .on(table.retryAt)
      .where(sql`${table.status} = 'failed' and ${table.retryAt} is not null`),
  ],
);

export type AutoDisableNoticeRow = typeof autoDisableNotices.$inferSelect;
