CREATE TYPE "public"."auto_disable_notice_status" AS ENUM('sending', 'sent', 'failed', 'skipped');--> statement-breakpoint
CREATE TABLE "auto_disable_notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"profile_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"disabled_at" timestamp with time zone NOT NULL,
	"status" "auto_disable_notice_status" DEFAULT 'sending' NOT NULL,
	"recipients" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"provider_message_id" text,
	"lease_expires_at" timestamp with time zone,
	"retry_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "report_runs" ADD COLUMN "recipients" text;--> statement-breakpoint
ALTER TABLE "report_runs" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_runs" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "report_runs" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_runs" ADD COLUMN "retry_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auto_disable_notices" ADD CONSTRAINT "auto_disable_notices_profile_id_callback_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."callback_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auto_disable_notices" ADD CONSTRAINT "auto_disable_notices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "auto_disable_notices_disable_key" ON "auto_disable_notices" USING btree ("profile_id","disabled_at");--> statement-breakpoint
CREATE INDEX "auto_disable_notices_lease_idx" ON "auto_disable_notices" USING btree ("lease_expires_at") WHERE "auto_disable_notices"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "auto_disable_notices_retry_idx" ON "auto_disable_notices" USING btree ("retry_at") WHERE "auto_disable_notices"."status" = 'failed' and "auto_disable_notices"."retry_at" is not null;--> statement-breakpoint
CREATE INDEX "callback_profiles_auto_disabled_idx" ON "callback_profiles" USING btree ("disabled_at") WHERE "callback_profiles"."status" = 2 and "callback_profiles"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "report_runs_lease_idx" ON "report_runs" USING btree ("lease_expires_at") WHERE "report_runs"."status" = 'sending';--> statement-breakpoint
CREATE INDEX "report_runs_retry_idx" ON "report_runs" USING btree ("retry_at") WHERE "report_runs"."status" = 'failed' and "report_runs"."retry_at" is not null;