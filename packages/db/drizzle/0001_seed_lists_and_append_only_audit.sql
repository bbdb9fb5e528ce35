-- The three newsletters of DESIGN.md, present from the first start.
INSERT INTO "lists" ("slug", "name", "description", "visibility", "legal_basis") VALUES
  ('membres', 'Lettre des membres', 'La lettre trimestrielle du réseau de l''ICPC : actualités de nos adhérent·es et de démocratieS.', 'public', 'consent'),
  ('adherents', 'Lettre des adhérent·es', 'La lettre réservée aux adhérent·es de l''association.', 'private', 'legitimate_interest'),
  ('democraties', 'Lettre de démocratieS', 'Les nouveaux dossiers et articles du média démocratieS.', 'public', 'consent')
ON CONFLICT ("slug") DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
