import { integer, text, timestamp } from "drizzle-orm/pg-core";

/** Creation and last-change times every mutable table carries. */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  modifiedAt: timestamp("modified_at", { withTimezone: true }).notNull().defaultNow(),
};

/**
 * The sending state of a row that stands for one email (report runs, auto-disable notices). A
 * row is claimed with status `sending` and a lease; once `lease_expires_at` has passed without an
 * outcome (the sender crashed) any process may send it again with the same idempotency key. A
 * retryable failure sets `retry_at`; null means the outcome is final.
 */
export const mailSendColumns = {
  /** The addresses it was (or was to be) sent to, `", "`-separated. */
  recipients: text("recipients"),
  /** Tries at the mail provider so far, over every claim. */
  attempts: integer("attempts").notNull().default(0),
  /** The last failure, when the status is `failed` (or a retry is pending). */
  error: text("error"),
  /** Resend's email id, the SMTP Message-ID, or the outbox file name. */
  providerMessageId: text("provider_message_id"),
  leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
  /**
   * Set just before the email is handed to the provider, cleared when a failure is recorded: a
   * claim that expired with it set may already have been sent.
   */
  sendStartedAt: timestamp("send_started_at", { withTimezone: true }),
  retryAt: timestamp("retry_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
};
