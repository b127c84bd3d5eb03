-- The write path of an import (100,000 learners and their attendance in one statement each).
--
-- 1. Time-ordered UUIDs (RFC 9562's version 7: 48 bits of Unix milliseconds, the version, 12 bits
-- of the millisecond's fraction as its method 3 allows, then gen_random_uuid()'s variant and random
-- bits) for learners and attendance: new keys land at the right edge of the primary key's index
-- instead of on random pages. PostgreSQL 18 has uuidv7(); this one works on 15 to 17 and in PGlite.
-- One expression and no FROM, so that the planner inlines it into an INSERT's defaults: as a called
-- SQL function it cost ~5 µs a row, 0.5 s of a 100,000-row import per table. Existing ids stay as
-- they are (any UUID remains valid).
CREATE OR REPLACE FUNCTION parcours_uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(overlay(uuid_send(gen_random_uuid()) PLACING int8send(
    (floor(date_part('epoch', clock_timestamp()) * 1000)::bigint << 16) | 28672
    | (floor(date_part('epoch', clock_timestamp()) * 4096000)::bigint & 4095)) FROM 1 FOR 8), 'hex')::uuid
$$;
--> statement-breakpoint
ALTER TABLE "attendance" ALTER COLUMN "id" SET DEFAULT parcours_uuid_v7();
--> statement-breakpoint
ALTER TABLE "learners" ALTER COLUMN "id" SET DEFAULT parcours_uuid_v7();
--> statement-breakpoint
-- 2. attendance.event_key → events.key and attendance.import_id → imports.id: checked once per
-- statement instead of once per row. A foreign key runs a query and locks the referenced row for
-- every row written — for an import, 100,000 times the same event and the same import record. The
-- triggers below keep what those keys gave: a row naming no event or no import is refused (SQLSTATE
-- 23503, the constraint's name); the event and the import are locked FOR KEY SHARE as the key's
-- check does, so neither can be deleted or re-keyed before the writing transaction ends; a renamed
-- event carries its attendance (ON UPDATE CASCADE); an event with attendance cannot be deleted (NO
-- ACTION); a deleted import leaves its rows with no import (ON DELETE SET NULL).
ALTER TABLE "attendance" DROP CONSTRAINT "attendance_event_key_events_key_fk";
--> statement-breakpoint
ALTER TABLE "attendance" DROP CONSTRAINT "attendance_import_id_imports_id_fk";
--> statement-breakpoint
-- 3. attendance.learner_id → learners.id, likewise: its key's check was a third of the attendance
-- insert (0.55 s of 100,000 rows, a query and a lock each; ~0.35 s once per statement, where the
-- 100,000 locks remain). The trigger below refuses a row naming no learner and locks the learners
-- it names FOR KEY SHARE, as the key did; a deleted learner (a merge's duplicate) takes its
-- attendance along (ON DELETE CASCADE, once per statement); a learner's id cannot change while
-- attendance names it (NO ACTION). TRUNCATE learners no longer reaches attendance: truncate both.
ALTER TABLE "attendance" DROP CONSTRAINT "attendance_learner_id_learners_id_fk";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION attendance_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  PERFORM 1 FROM events WHERE key IN (SELECT DISTINCT event_key FROM written) FOR KEY SHARE;
  SELECT w.event_key INTO missing FROM (SELECT DISTINCT event_key FROM written) w
    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.key = w.event_key) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "attendance" violates foreign key constraint "%"',
      'attendance_event_key_events_key_fk'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'attendance_event_key_events_key_fk',
            DETAIL = format('Key (event_key)=(%s) is not present in table "events".', missing);
  END IF;
  PERFORM 1 FROM imports WHERE id IN (SELECT DISTINCT import_id FROM written) FOR KEY SHARE;
  SELECT w.import_id::text INTO missing FROM (SELECT DISTINCT import_id FROM written WHERE import_id IS NOT NULL) w
    WHERE NOT EXISTS (SELECT 1 FROM imports i WHERE i.id = w.import_id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "attendance" violates foreign key constraint "%"',
      'attendance_import_id_imports_id_fk'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'attendance_import_id_imports_id_fk',
            DETAIL = format('Key (import_id)=(%s) is not present in table "imports".', missing);
  END IF;
  -- The learners (3. above), joined rather than probed one by one (IN (...) made the planner loop
  -- over the learners' key). An update checks only the learners it newly names, as the key did: the
  -- others are named by the very rows it changed, which a learner's deletion must delete (and so
  -- wait for) first.
  IF TG_OP = 'UPDATE' THEN
    PERFORM 1 FROM learners l
      JOIN (SELECT learner_id FROM written EXCEPT SELECT learner_id FROM previous) w ON w.learner_id = l.id
      FOR KEY SHARE OF l;
    SELECT w.learner_id::text INTO missing
      FROM (SELECT learner_id FROM written EXCEPT SELECT learner_id FROM previous) w
      WHERE NOT EXISTS (SELECT 1 FROM learners l WHERE l.id = w.learner_id) LIMIT 1;
  ELSE
    PERFORM 1 FROM learners l JOIN written w ON w.learner_id = l.id FOR KEY SHARE OF l;
    SELECT w.learner_id::text INTO missing FROM written w
      WHERE NOT EXISTS (SELECT 1 FROM learners l WHERE l.id = w.learner_id) LIMIT 1;
  END IF;
  IF FOUND THEN
    RAISE EXCEPTION 'insert or update on table "attendance" violates foreign key constraint "%"',
      'attendance_learner_id_learners_id_fk'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'attendance_learner_id_learners_id_fk',
            DETAIL = format('Key (learner_id)=(%s) is not present in table "learners".', missing);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER attendance_references_on_insert AFTER INSERT ON attendance
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION attendance_check_references();
--> statement-breakpoint
CREATE TRIGGER attendance_references_on_update AFTER UPDATE ON attendance
  REFERENCING OLD TABLE AS previous NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION attendance_check_references();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION events_attendance_on_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM attendance WHERE event_key = OLD.key) THEN
      RAISE EXCEPTION 'update or delete on table "events" violates foreign key constraint "%" on table "attendance"',
        'attendance_event_key_events_key_fk'
        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'attendance_event_key_events_key_fk',
              DETAIL = format('Key (key)=(%s) is still referenced from table "attendance".', OLD.key);
    END IF;
    RETURN NULL;
  END IF;
  UPDATE attendance SET event_key = NEW.key WHERE event_key = OLD.key;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_attendance_on_delete AFTER DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_attendance_on_key_change();
--> statement-breakpoint
CREATE TRIGGER events_attendance_on_key_update AFTER UPDATE OF key ON events
  FOR EACH ROW WHEN (OLD.key IS DISTINCT FROM NEW.key) EXECUTE FUNCTION events_attendance_on_key_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION imports_attendance_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE attendance SET import_id = NULL WHERE import_id IN (SELECT id FROM gone);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER imports_attendance_on_delete AFTER DELETE ON imports
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION imports_attendance_on_delete();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION learners_attendance_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM attendance WHERE learner_id IN (SELECT id FROM gone);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER learners_attendance_on_delete AFTER DELETE ON learners
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION learners_attendance_on_delete();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION learners_attendance_on_id_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM attendance WHERE learner_id = OLD.id) THEN
    RAISE EXCEPTION 'update or delete on table "learners" violates foreign key constraint "%" on table "attendance"',
      'attendance_learner_id_learners_id_fk'
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'attendance_learner_id_learners_id_fk',
            DETAIL = format('Key (id)=(%s) is still referenced from table "attendance".', OLD.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER learners_attendance_on_id_update AFTER UPDATE OF id ON learners
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION learners_attendance_on_id_change();
