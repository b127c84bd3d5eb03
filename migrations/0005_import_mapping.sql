ALTER TABLE "imports" DROP CONSTRAINT "imports_event_hash_uq";--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "mapping" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_event_hash_mapping_uq" UNIQUE("event_key","file_hash","mapping");