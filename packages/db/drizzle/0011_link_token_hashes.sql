ALTER TABLE "subscribers" ADD COLUMN "legacy_preferences_hash" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "legacy_unsubscribe_hash" text;--> statement-breakpoint
UPDATE "subscribers" SET "legacy_preferences_hash" = encode(sha256(convert_to("preferences_token", 'UTF8')), 'hex');--> statement-breakpoint
UPDATE "subscriptions" SET "legacy_unsubscribe_hash" = encode(sha256(convert_to("unsubscribe_token", 'UTF8')), 'hex');--> statement-breakpoint
ALTER TABLE "subscribers" ADD CONSTRAINT "subscribers_legacy_preferences_hash_unique" UNIQUE("legacy_preferences_hash");--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_legacy_unsubscribe_hash_unique" UNIQUE("legacy_unsubscribe_hash");