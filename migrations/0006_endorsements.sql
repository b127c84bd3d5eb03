CREATE TABLE "endorsements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"endorser" text NOT NULL,
	"badge_key" text NOT NULL,
	"issuer_id" text NOT NULL,
	"mode" text NOT NULL,
	"state" text NOT NULL,
	"json" text NOT NULL,
	"jwt" text,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"status_list_id" integer NOT NULL,
	"status_index" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text,
	"withdrawn_by" text,
	CONSTRAINT "endorsements_status_entry_uq" UNIQUE("status_list_id","status_index")
);
--> statement-breakpoint
CREATE TABLE "endorser_keys" (
	"endorser" text NOT NULL,
	"id" text NOT NULL,
	"type" text NOT NULL,
	"key" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "endorser_keys_endorser_id_pk" PRIMARY KEY("endorser","id"),
	CONSTRAINT "endorser_keys_one_type_uq" UNIQUE("endorser","type")
);
--> statement-breakpoint
CREATE TABLE "endorser_status_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"endorser" text NOT NULL,
	"issuer_id" text NOT NULL,
	"length" integer NOT NULL,
	"encoded_list" text NOT NULL,
	"credential" text DEFAULT '' NOT NULL,
	"signed_list" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_status_list_id_endorser_status_lists_id_fk" FOREIGN KEY ("status_list_id") REFERENCES "public"."endorser_status_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "endorsements_badge_idx" ON "endorsements" USING btree ("badge_key");--> statement-breakpoint
CREATE INDEX "endorser_status_lists_issuer_idx" ON "endorser_status_lists" USING btree ("endorser","issuer_id");