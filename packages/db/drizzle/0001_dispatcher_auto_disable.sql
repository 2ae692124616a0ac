ALTER TABLE "callback_profiles" ADD COLUMN "consecutive_final_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "callback_profiles" ADD COLUMN "first_final_failure_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "deliveries_lease_idx" ON "deliveries" USING btree ("lease_expires_at") WHERE "deliveries"."status" = 'delivering';