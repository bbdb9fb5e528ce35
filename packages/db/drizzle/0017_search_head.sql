ALTER TABLE "article_revisions" ADD COLUMN "search_head" "tsvector";--> statement-breakpoint
-- The head (title A; lede, authors, tags B) apart: small enough to stay in the row, so every hit can be ranked by it
-- without reading its body's words out of TOAST; `search` is the head and the body (D), as before
CREATE OR REPLACE FUNCTION public.article_revision_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.step = 'published' THEN
    NEW.search_head :=
      setweight(to_tsvector('public.fr_unaccent', coalesce(NEW.title, '')), 'A') ||
      setweight(to_tsvector('public.fr_unaccent', coalesce(NEW.lede, '')), 'B') ||
      setweight(to_tsvector('public.fr_unaccent', array_to_string(NEW.authors, ' ')), 'B') ||
      setweight(to_tsvector('public.fr_unaccent', array_to_string(NEW.tags, ' ')), 'B');
    NEW.search := NEW.search_head || setweight(
      jsonb_to_tsvector('public.fr_unaccent', jsonb_path_query_array(NEW.body, 'strict $.**.text'), '["string"]'),
      'D'
    );
  ELSE
    NEW.search_head := NULL;
    NEW.search := NULL;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
-- the revisions readers already see get their head now (the trigger computes both, as for a new one)
UPDATE "article_revisions" SET "step" = "step" WHERE "search" IS NOT NULL;
