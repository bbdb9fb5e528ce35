CREATE TYPE "public"."contribution_event_type" AS ENUM('proposed', 'confirmed', 'edited', 'resubmitted', 'accepted', 'changes_requested', 'refused', 'withdrawn', 'expired', 'not_adherent');--> statement-breakpoint
CREATE TYPE "public"."contribution_kind" AS ENUM('event', 'job', 'news');--> statement-breakpoint
CREATE TYPE "public"."contribution_mail_kind" AS ENUM('confirm', 'accepted', 'changes_requested', 'refused');--> statement-breakpoint
CREATE TYPE "public"."contribution_status" AS ENUM('unconfirmed', 'pending', 'changes_requested', 'accepted', 'refused', 'withdrawn');--> statement-breakpoint
CREATE TABLE "contribution_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contribution_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" "contribution_event_type" NOT NULL,
	"actor_id" uuid,
	"message" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contribution_mail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "contribution_mail_kind" NOT NULL,
	"proposer_id" uuid NOT NULL,
	"contribution_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "contribution_kind" NOT NULL,
	"status" "contribution_status" DEFAULT 'unconfirmed' NOT NULL,
	"proposer_id" uuid,
	"proposer_name" text DEFAULT '' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_text_version" text NOT NULL,
	"consent_ip" text,
	"slug" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"url" text,
	"image_media_id" uuid,
	"image_alt" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"online" boolean,
	"place" text DEFAULT '' NOT NULL,
	"organiser" text DEFAULT '' NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"contract_type" text,
	"remote" boolean,
	"closes_on" date,
	"staff_message" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"publish_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('public.fr_unaccent'::regconfig, title), 'A') || setweight(to_tsvector('public.fr_unaccent'::regconfig, organisation || ' ' || organiser || ' ' || place), 'B') || setweight(to_tsvector('public.fr_unaccent'::regconfig, description), 'D')) STORED,
	CONSTRAINT "contributions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "proposer_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"proposer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"last_confirmation_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contribution_events" ADD CONSTRAINT "contribution_events_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_events" ADD CONSTRAINT "contribution_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_mail" ADD CONSTRAINT "contribution_mail_proposer_id_proposers_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."proposers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_mail" ADD CONSTRAINT "contribution_mail_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_proposer_id_proposers_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."proposers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_image_media_id_media_id_fk" FOREIGN KEY ("image_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposer_links" ADD CONSTRAINT "proposer_links_proposer_id_proposers_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."proposers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contribution_events_contribution_idx" ON "contribution_events" USING btree ("contribution_id","at");--> statement-breakpoint
CREATE INDEX "contribution_mail_unsent_idx" ON "contribution_mail" USING btree ("created_at") WHERE "contribution_mail"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "contributions_status_kind_idx" ON "contributions" USING btree ("status","kind");--> statement-breakpoint
CREATE INDEX "contributions_proposer_idx" ON "contributions" USING btree ("proposer_id");--> statement-breakpoint
CREATE INDEX "contributions_public_events_idx" ON "contributions" USING btree ("starts_at") WHERE "contributions"."status" = 'accepted' and "contributions"."kind" = 'event';--> statement-breakpoint
CREATE INDEX "contributions_public_jobs_idx" ON "contributions" USING btree ("closes_on") WHERE "contributions"."status" = 'accepted' and "contributions"."kind" = 'job';--> statement-breakpoint
CREATE INDEX "contributions_search_idx" ON "contributions" USING gin ("search") WHERE "contributions"."status" = 'accepted';--> statement-breakpoint
CREATE INDEX "proposer_links_proposer_idx" ON "proposer_links" USING btree ("proposer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposers_email_lower_idx" ON "proposers" USING btree (lower("email"));