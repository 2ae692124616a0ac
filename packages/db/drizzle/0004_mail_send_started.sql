ALTER TABLE "auto_disable_notices" ADD COLUMN "send_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_runs" ADD COLUMN "send_started_at" timestamp with time zone;