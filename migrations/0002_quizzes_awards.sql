CREATE TABLE "quiz_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"learner_id" uuid NOT NULL,
	"quiz_key" text NOT NULL,
	"answers" jsonb NOT NULL,
	"score" real NOT NULL,
	"max_score" real NOT NULL,
	"percent" real,
	"complete" boolean NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiz_openings" (
	"quiz_key" text PRIMARY KEY NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by" text
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"learner_id" uuid NOT NULL,
	"badge_key" text NOT NULL,
	"method" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"reason" text,
	"awarded_by" text,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	CONSTRAINT "awards_learner_badge_uq" UNIQUE("learner_id","badge_key")
);
--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Rule facts: the best attempt per learner and questionnaire.
CREATE INDEX "quiz_attempts_learner_quiz_idx" ON "quiz_attempts" USING btree ("learner_id","quiz_key");--> statement-breakpoint
-- Organisers list the attempts of one questionnaire, newest first.
CREATE INDEX "quiz_attempts_quiz_submitted_idx" ON "quiz_attempts" USING btree ("quiz_key","submitted_at");--> statement-breakpoint
-- Cohort reports: holders of each badge.
CREATE INDEX "awards_badge_idx" ON "awards" USING btree ("badge_key");