import type { BodyType, Channel, HttpMethod, JsonObject } from "@rebound/core";
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { timestamps } from "./columns.ts";

/**
 * Callback profiles. Secrets (the encryption settings, signing secrets) are sealed under the
 * master key; a deleted profile keeps its row (`deleted_at`) so its deliveries stay explainable.
 */
export const callbackProfiles = pgTable(
  "callback_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Public id `<prefix>_<uuid>` used by the API. */
    profileId: text("profile_id").notNull().unique(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    httpMethod: text("http_method").$type<HttpMethod>().notNull(),
    url: text("url").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    body: jsonb("body").$type<JsonObject | string | null>(),
    bodyType: text("body_type").$type<BodyType>().notNull().default("json"),
    responseMessage: text("response_message"),
    /** Sealed JSON of the profile's `enc` settings (key and IV are secrets). */
    encSealed: text("enc_sealed"),
    channel: text("channel").$type<Channel>().notNull().default("default"),
    events: jsonb("events").$type<string[]>().notNull().default([]),
    dynamicVariables: jsonb("dynamic_variables").$type<string[]>().notNull().default([]),
    replacers: jsonb("replacers").$type<Record<string, string>>().notNull().default({}),
    /** Seconds between tries; null = the default ladder. */
    retrySchedule: jsonb("retry_schedule").$type<number[] | null>(),
    /** 1 active, 2 auto-disabled, 3 disabled. */
    status: smallint("status").$type<1 | 2 | 3>().notNull().default(1),
    disabledReason: text("disabled_reason"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** Final delivery failures in a row since the last success (auto-disable). */
    consecutiveFinalFailures: integer("consecutive_final_failures").notNull().default(0),
    /** When the first of those failures happened; null after a success. */
    firstFinalFailureAt: timestamp("first_final_failure_at", { withTimezone: true }),
    signingSecretSealed: text("signing_secret_sealed").notNull(),
    /** The secret before the last rotation keeps signing until `previous_secret_expires_at`. */
    previousSigningSecretSealed: text("previous_signing_secret_sealed"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    ...timestamps,
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("callback_profiles_account_title_key")
      .on(table.accountId, sql`lower(${table.title})`)
      .where(sql`${table.deletedAt} is null`),
    index("callback_profiles_account_created_idx").on(table.accountId, table.createdAt),
    // The reports process looks for auto-disabled profiles to notify every minute.
    index("callback_profiles_auto_disabled_idx")
      .on(table.disabledAt)
      .where(sql`${table.status} = 2 and ${table.deletedAt} is null`),
  ],
);

export type CallbackProfileRow = typeof callbackProfiles.$inferSelect;
export type NewCallbackProfileRow = typeof callbackProfiles.$inferInsert;
