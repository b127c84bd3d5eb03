CREATE TABLE "credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"learner_id" uuid NOT NULL,
	"award_id" uuid NOT NULL,
	"badge_key" text NOT NULL,
	"issuer_id" text NOT NULL,
	"lang" text NOT NULL,
	"json" text NOT NULL,
	"jwt" text NOT NULL,
	"status_list_id" integer NOT NULL,
	"status_index" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	"revoked_by" text,
	CONSTRAINT "credentials_award_id_unique" UNIQUE("award_id"),
	CONSTRAINT "credentials_status_entry_uq" UNIQUE("status_list_id","status_index")
);
--> statement-breakpoint
CREATE TABLE "issuer_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"key" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "status_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"issuer_id" text NOT NULL,
	"purpose" text DEFAULT 'revocation' NOT NULL,
	"length" integer NOT NULL,
	"encoded_list" text NOT NULL,
	"credential" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_status_list_id_status_lists_id_fk" FOREIGN KEY ("status_list_id") REFERENCES "public"."status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credentials_learner_idx" ON "credentials" USING btree ("learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issuer_keys_one_active_uq" ON "issuer_keys" USING btree ("type") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "status_lists_issuer_idx" ON "status_lists" USING btree ("issuer_id","purpose");