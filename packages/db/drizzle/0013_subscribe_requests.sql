CREATE TABLE "subscribe_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"list_slugs" text[] NOT NULL,
	"form_id" text NOT NULL,
	"text_version" text NOT NULL,
	"ip" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "subscribe_requests_received_idx" ON "subscribe_requests" USING btree ("received_at");