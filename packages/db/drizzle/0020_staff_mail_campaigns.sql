ALTER TYPE "public"."staff_mail_kind" ADD VALUE 'campaign_held';--> statement-breakpoint
ALTER TYPE "public"."staff_mail_kind" ADD VALUE 'campaign_paused';--> statement-breakpoint
ALTER TABLE "staff_mail" ADD COLUMN "campaign_id" uuid;