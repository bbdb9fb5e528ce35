CREATE TYPE "public"."review_event" AS ENUM('submitted', 'update_submitted', 'withdrawn', 'commented', 'changes_requested', 'approved', 'scheduled', 'published');--> statement-breakpoint
CREATE TYPE "public"."staff_mail_kind" AS ENUM('invitation', 'password_reset', 'review');--> statement-breakpoint
CREATE TYPE "public"."comment_kind" AS ENUM('comment', 'submission', 'changes_requested', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."revision_step" AS ENUM('autosave', 'submitted', 'published', 'restored');--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_single_row" CHECK ("organisation"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	CONSTRAINT "password_resets_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "staff_mail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "staff_mail_kind" NOT NULL,
	"recipient_id" uuid NOT NULL,
	"invitation_id" uuid,
	"reset_id" uuid,
	"event" "review_event",
	"article_id" uuid,
	"dossier_id" uuid,
	"actor_id" uuid,
	"comment_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"lede" text NOT NULL,
	"editorial_note" jsonb NOT NULL,
	"cover_media_id" uuid,
	"step" "revision_step" DEFAULT 'autosave' NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_pkey";--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "token_hash" DROP NOT NULL;--> statement-breakpoint
-- the editorial note becomes a Tiptap document: one paragraph per non-blank line of the old text
ALTER TABLE "dossiers" ADD COLUMN "editorial_note_doc" jsonb;--> statement-breakpoint
UPDATE "dossiers" d SET "editorial_note_doc" = jsonb_build_object('type', 'doc', 'content', coalesce(
  (SELECT jsonb_agg(jsonb_build_object('type', 'paragraph', 'content',
      jsonb_build_array(jsonb_build_object('type', 'text', 'text', btrim(line)))) ORDER BY n)
   FROM regexp_split_to_table(d."editorial_note", E'\n') WITH ORDINALITY AS t(line, n)
   WHERE btrim(line) <> ''),
  '[{"type":"paragraph"}]'::jsonb));--> statement-breakpoint
ALTER TABLE "dossiers" DROP COLUMN "editorial_note";--> statement-breakpoint
ALTER TABLE "dossiers" RENAME COLUMN "editorial_note_doc" TO "editorial_note";--> statement-breakpoint
ALTER TABLE "dossiers" ALTER COLUMN "editorial_note" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notify_review" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "article_comments" ADD COLUMN "kind" "comment_kind" DEFAULT 'comment' NOT NULL;--> statement-breakpoint
ALTER TABLE "article_comments" ADD COLUMN "anchor_id" text;--> statement-breakpoint
ALTER TABLE "article_comments" ADD COLUMN "quote" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "article_comments" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "article_comments" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "article_revisions" ADD COLUMN "cover_media_id" uuid;--> statement-breakpoint
ALTER TABLE "article_revisions" ADD COLUMN "tags" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "article_revisions" ADD COLUMN "authors" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "article_revisions" ADD COLUMN "step" "revision_step" DEFAULT 'autosave' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "live_revision_id" bigint;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "update_in_review" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "scheduled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "live_revision_id" bigint;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_mail" ADD CONSTRAINT "staff_mail_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_mail" ADD CONSTRAINT "staff_mail_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_mail" ADD CONSTRAINT "staff_mail_reset_id_password_resets_id_fk" FOREIGN KEY ("reset_id") REFERENCES "public"."password_resets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_mail" ADD CONSTRAINT "staff_mail_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_revisions" ADD CONSTRAINT "dossier_revisions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_revisions" ADD CONSTRAINT "dossier_revisions_cover_media_id_media_id_fk" FOREIGN KEY ("cover_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_revisions" ADD CONSTRAINT "dossier_revisions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "staff_mail_unsent_idx" ON "staff_mail" USING btree ("created_at") WHERE "staff_mail"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "dossier_revisions_dossier_idx" ON "dossier_revisions" USING btree ("dossier_id","version");--> statement-breakpoint
ALTER TABLE "article_comments" ADD CONSTRAINT "article_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_revisions" ADD CONSTRAINT "article_revisions_cover_media_id_media_id_fk" FOREIGN KEY ("cover_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_live_revision_id_article_revisions_id_fk" FOREIGN KEY ("live_revision_id") REFERENCES "public"."article_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_live_revision_id_dossier_revisions_id_fk" FOREIGN KEY ("live_revision_id") REFERENCES "public"."dossier_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash");--> statement-breakpoint
-- what is published today becomes each article's and dossier's live version
WITH live AS (
  INSERT INTO "article_revisions" ("article_id", "version", "title", "lede", "body", "cover_media_id", "tags", "authors",
    "step", "saved_by", "saved_at")
  SELECT "id", "version", "title", "lede", "body", "cover_media_id", "tags", "authors", 'published', "updated_by",
    coalesce("published_at", "updated_at")
  FROM "articles" WHERE "status" IN ('published', 'unpublished')
  RETURNING "id", "article_id"
)
UPDATE "articles" a SET "live_revision_id" = live."id" FROM live WHERE a."id" = live."article_id";--> statement-breakpoint
WITH live AS (
  INSERT INTO "dossier_revisions" ("dossier_id", "version", "title", "lede", "editorial_note", "cover_media_id", "step",
    "saved_at")
  SELECT "id", 1, "title", "lede", "editorial_note", "cover_media_id", 'published', coalesce("published_at", "updated_at")
  FROM "dossiers" WHERE "status" = 'published'
  RETURNING "id", "dossier_id"
)
UPDATE "dossiers" d SET "live_revision_id" = live."id" FROM live WHERE d."id" = live."dossier_id";