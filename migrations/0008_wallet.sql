CREATE TABLE "wallet_exchanges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"learner_id" uuid NOT NULL,
	"credential_id" uuid,
	"challenge" uuid NOT NULL,
	"pre_authorized_code_hash" text NOT NULL,
	"access_token_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"holder_did" text,
	CONSTRAINT "wallet_exchanges_pre_authorized_code_hash_unique" UNIQUE("pre_authorized_code_hash"),
	CONSTRAINT "wallet_exchanges_access_token_hash_unique" UNIQUE("access_token_hash")
);
--> statement-breakpoint
CREATE TABLE "wallet_name_consents" (
	"learner_id" uuid PRIMARY KEY NOT NULL,
	"shown" boolean NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallet_nonces" (
	"value" uuid PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "credentials" DROP CONSTRAINT "credentials_award_id_unique";--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "copy_of" uuid;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "holder_did" text;--> statement-breakpoint
ALTER TABLE "credentials" ADD COLUMN "replaced_by" uuid;--> statement-breakpoint
ALTER TABLE "wallet_exchanges" ADD CONSTRAINT "wallet_exchanges_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_exchanges" ADD CONSTRAINT "wallet_exchanges_credential_id_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_name_consents" ADD CONSTRAINT "wallet_name_consents_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wallet_exchanges_learner_idx" ON "wallet_exchanges" USING btree ("learner_id");--> statement-breakpoint
ALTER TABLE "credentials" ADD CONSTRAINT "credentials_copy_of_credentials_id_fk" FOREIGN KEY ("copy_of") REFERENCES "public"."credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_award_current_uq" ON "credentials" USING btree ("award_id") WHERE copy_of is null and revoked_at is null;--> statement-breakpoint
CREATE INDEX "credentials_award_idx" ON "credentials" USING btree ("award_id");--> statement-breakpoint
CREATE INDEX "credentials_copy_of_idx" ON "credentials" USING btree ("copy_of");