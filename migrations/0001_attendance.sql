CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"learner_id" uuid NOT NULL,
	"event_key" text NOT NULL,
	"status" text NOT NULL,
	"minutes" real,
	"first_seen_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"source" text NOT NULL,
	"import_id" uuid,
	"reason" text,
	"note" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_learner_event_uq" UNIQUE("learner_id","event_key")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_key" text NOT NULL,
	"file_hash" text NOT NULL,
	"file_name" text,
	"format" text NOT NULL,
	"encoding" text NOT NULL,
	"accept_partial" boolean DEFAULT false NOT NULL,
	"counts" jsonb NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imports_event_hash_uq" UNIQUE("event_key","file_hash")
);
--> statement-breakpoint
CREATE TABLE "unmatched_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"name" text NOT NULL,
	"minutes" real NOT NULL,
	"matched_learner_id" uuid,
	"matched_at" timestamp with time zone,
	CONSTRAINT "unmatched_import_line_uq" UNIQUE("import_id","line")
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_event_key_events_key_fk" FOREIGN KEY ("event_key") REFERENCES "public"."events"("key") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_event_key_events_key_fk" FOREIGN KEY ("event_key") REFERENCES "public"."events"("key") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "unmatched_rows" ADD CONSTRAINT "unmatched_rows_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unmatched_rows" ADD CONSTRAINT "unmatched_rows_matched_learner_id_learners_id_fk" FOREIGN KEY ("matched_learner_id") REFERENCES "public"."learners"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_event_idx" ON "attendance" USING btree ("event_key");