-- The subscription events ledger is what growth counts: it may only grow.
CREATE FUNCTION "subscription_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'subscription_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "subscription_events_no_update_delete" BEFORE UPDATE OR DELETE ON "subscription_events"
  FOR EACH ROW EXECUTE FUNCTION "subscription_events_append_only"();
--> statement-breakpoint
CREATE TRIGGER "subscription_events_no_truncate" BEFORE TRUNCATE ON "subscription_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "subscription_events_append_only"();
