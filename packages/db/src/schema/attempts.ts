import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { deliveries } from "./deliveries.ts";

/** Each HTTP try of a delivery. */
export const attempts = pgTable(
  "attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    attemptNumber: integer("attempt_number").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    durationMs: integer("duration_ms").notNull(),
    statusCode: integer("status_code"),
    errorClass: text("error_class"),
    errorMessage: text("error_message"),
    /** First 4 KB of the response body. */
    responseBody: text("response_body"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    /** Request headers as sent, secrets redacted. */
    requestHeaders: jsonb("request_headers").$type<Record<string, string>>(),
    missingVariables: jsonb("missing_variables").$type<string[]>().notNull().default([]),
  },
  (table) => [index("attempts_delivery_idx").on(table.deliveryId, table.attemptNumber)],
);

export type AttemptRow = typeof attempts.$inferSelect;
export type NewAttemptRow = typeof attempts.$inferInsert;
