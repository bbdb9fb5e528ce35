ALTER TABLE "article_revisions" ADD COLUMN "search_pairs" "tsvector";--> statement-breakpoint
CREATE INDEX "article_revisions_search_pairs_idx" ON "article_revisions" USING gin ("search_pairs") WHERE "article_revisions"."search_pairs" is not null;--> statement-breakpoint
-- Every pair of words one or two positions apart ('assembl 2 citoyen' for « assemblée de citoyens »), as lexemes: a
-- phrase search asks the index for its pairs instead of reading every candidate's word positions out of TOAST
CREATE OR REPLACE FUNCTION public.tsvector_pairs(v tsvector) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH w AS MATERIALIZED (SELECT u.lexeme, p FROM unnest(v) u, unnest(u.positions) p)
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT w1.lexeme || ' ' || d.d || ' ' || w2.lexeme)), ''::tsvector)
  FROM w w1 CROSS JOIN (VALUES (1), (2)) d(d) JOIN w w2 ON w2.p = w1.p + d.d
$$;--> statement-breakpoint
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
    NEW.search_pairs := public.tsvector_pairs(NEW.search);
  ELSE
    NEW.search_head := NULL;
    NEW.search := NULL;
    NEW.search_pairs := NULL;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
-- the revisions readers already see get their pairs now (the trigger computes all three, as for a new one)
UPDATE "article_revisions" SET "step" = "step" WHERE "search" IS NOT NULL;
