-- French, accent-insensitive search (« democratie » finds « Démocratie »): unaccent, then the French stemmer.
-- In public, by name: every query and the trigger say public.fr_unaccent whatever the search_path.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
    WHERE c.cfgname = 'fr_unaccent' AND n.nspname = 'public'
  ) THEN
    CREATE TEXT SEARCH CONFIGURATION public.fr_unaccent (COPY = pg_catalog.french);
    ALTER TEXT SEARCH CONFIGURATION public.fr_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem;
  END IF;
END $$;--> statement-breakpoint
CREATE TABLE "legal_pages" (
	"slug" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article_revisions" ADD COLUMN "search" "tsvector";--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "credit" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "embed_origins" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "legal_pages" ADD CONSTRAINT "legal_pages_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_revisions_search_idx" ON "article_revisions" USING gin ("search") WHERE "article_revisions"."search" is not null;--> statement-breakpoint
CREATE INDEX "articles_live_revision_idx" ON "articles" USING btree ("live_revision_id");;--> statement-breakpoint
-- A published revision's words, computed where it is written: every path that publishes gets them
CREATE OR REPLACE FUNCTION public.article_revision_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.step = 'published' THEN
    NEW.search :=
      setweight(to_tsvector('public.fr_unaccent', coalesce(NEW.title, '')), 'A') ||
      setweight(to_tsvector('public.fr_unaccent', coalesce(NEW.lede, '')), 'B') ||
      setweight(to_tsvector('public.fr_unaccent', array_to_string(NEW.authors, ' ')), 'B') ||
      setweight(to_tsvector('public.fr_unaccent', array_to_string(NEW.tags, ' ')), 'B') ||
      setweight(
        jsonb_to_tsvector('public.fr_unaccent', jsonb_path_query_array(NEW.body, 'strict $.**.text'), '["string"]'),
        'D'
      );
  ELSE
    NEW.search := NULL;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER article_revisions_search BEFORE INSERT OR UPDATE ON "article_revisions"
  FOR EACH ROW EXECUTE FUNCTION public.article_revision_search();--> statement-breakpoint
-- the revisions readers already see get their words now
UPDATE "article_revisions" SET "step" = "step" WHERE "step" = 'published';--> statement-breakpoint
INSERT INTO "legal_pages" ("slug", "title", "body") VALUES
  ('mentions-legales', 'Mentions légales', '{"type":"doc","content":[{"type":"paragraph"}]}'::jsonb),
  ('confidentialite', 'Politique de confidentialité', '{"type":"doc","content":[{"type":"paragraph"}]}'::jsonb),
  ('contact', 'Contact', '{"type":"doc","content":[{"type":"paragraph"}]}'::jsonb)
ON CONFLICT ("slug") DO NOTHING;
