ALTER TABLE "confirmations" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "welcome_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "welcome_sent_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "confirmations_unsent_idx" ON "confirmations" USING btree ("expires_at") WHERE "confirmations"."sent_at" is null and "confirmations"."used_at" is null;--> statement-breakpoint
CREATE INDEX "subscriptions_welcome_owed_idx" ON "subscriptions" USING btree ("welcome_due_at") WHERE "subscriptions"."welcome_sent_at" is null and "subscriptions"."welcome_due_at" is not null;--> statement-breakpoint
-- a confirmation whose token exists was written by the mail worker: count it as sent, so the rebuild leaves it
UPDATE "confirmations" AS c SET "sent_at" = coalesce(s."last_confirmation_sent_at", c."created_at")
FROM "subscribers" AS s WHERE s."id" = c."subscriber_id" AND c."token_hash" IS NOT NULL;
