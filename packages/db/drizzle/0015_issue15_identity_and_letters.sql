CREATE TABLE "newsletter_branding" (
	"kind" "newsletter_kind" PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kicker" text DEFAULT '' NOT NULL,
	"tagline" text DEFAULT '' NOT NULL,
	"accent" text NOT NULL,
	"tint" text NOT NULL,
	"title_font" text DEFAULT 'sans' NOT NULL,
	"banner_media_id" uuid,
	"identity" text DEFAULT '' NOT NULL,
	"notice" text DEFAULT '' NOT NULL,
	"welcome_text" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "postal_address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "sender_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "sender_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "reply_to" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "logo_media_id" uuid;--> statement-breakpoint
ALTER TABLE "lists" ADD COLUMN "newsletter_kind" "newsletter_kind";--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "has_alpha" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_recipients" ADD COLUMN "provider" text DEFAULT 'autres' NOT NULL;--> statement-breakpoint
ALTER TABLE "newsletter_branding" ADD CONSTRAINT "newsletter_branding_banner_media_id_media_id_fk" FOREIGN KEY ("banner_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_logo_media_id_media_id_fk" FOREIGN KEY ("logo_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscription_events_left_campaign_idx" ON "subscription_events" USING btree (("data"->>'campaignId')) WHERE "subscription_events"."type" in ('complained', 'unsubscribed');--> statement-breakpoint
-- the three newsletters' branding as it was written in code until now, editable by admins from here on
INSERT INTO "newsletter_branding" ("kind", "title", "kicker", "tagline", "accent", "tint", "title_font", "identity", "notice")
VALUES
  ('membres', 'La lettre des membres', 'Institut de la concertation et de la participation citoyenne',
   'Les nouvelles du réseau, chaque trimestre', '#1b4d89', '#e8eef7', 'sans',
   'Un réseau d’acteurs et d’actrices de la participation citoyenne.', ''),
  ('adherents', 'La lettre des adhérent·es', 'Institut de la concertation et de la participation citoyenne',
   'L’actualité de l’association, réservée à ses adhérent·es', '#1f5c3f', '#e6f1ea', 'sans',
   'Un réseau d’acteurs et d’actrices de la participation citoyenne.',
   'Cette lettre est réservée aux adhérent·es de l’ICPC : merci de ne pas la transférer.'),
  ('democraties', 'démocratieS', 'Le média de l’ICPC', 'Comprendre et faire vivre la participation citoyenne',
   '#7a1f3d', '#f5e9ed', 'serif', 'démocratieS est le média de l’ICPC.', '')
ON CONFLICT ("kind") DO NOTHING;--> statement-breakpoint
UPDATE "lists" SET "newsletter_kind" = "slug"::"newsletter_kind" WHERE "slug" IN ('membres', 'adherents', 'democraties');
