ALTER TABLE "subscribers" DROP CONSTRAINT "subscribers_preferences_token_unique";--> statement-breakpoint
ALTER TABLE "subscriptions" DROP CONSTRAINT "subscriptions_unsubscribe_token_unique";--> statement-breakpoint
ALTER TABLE "subscribers" DROP COLUMN "preferences_token";--> statement-breakpoint
ALTER TABLE "subscriptions" DROP COLUMN "unsubscribe_token";