ALTER TABLE "campaigns" ADD COLUMN "wait_reason" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "wait_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "wait_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "campaign_recipients_in_flight_idx" ON "campaign_recipients" USING btree ("claimed_by") WHERE "campaign_recipients"."status" = 'sending';