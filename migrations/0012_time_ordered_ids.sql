-- Time-ordered UUIDs (the layout of RFC 9562's version 7: 48 bits of Unix milliseconds, then
-- random bits) for the rows an import creates by the hundred thousand: new keys land at the right
-- edge of the primary key's index instead of on random pages. PostgreSQL 18 has uuidv7(); this
-- one works on 15 to 17 and in PGlite. Existing ids stay as they are (any UUID remains valid).
CREATE OR REPLACE FUNCTION parcours_uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(set_byte(b, 6, (get_byte(b, 6) & 15) | 112), 'hex')::uuid
  FROM (SELECT overlay(uuid_send(gen_random_uuid())
                       PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                       FROM 1 FOR 6) AS b) AS t
$$;--> statement-breakpoint
ALTER TABLE "attendance" ALTER COLUMN "id" SET DEFAULT parcours_uuid_v7();--> statement-breakpoint
ALTER TABLE "learners" ALTER COLUMN "id" SET DEFAULT parcours_uuid_v7();
