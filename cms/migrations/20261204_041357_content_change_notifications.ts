import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Change notifications for the admin API's read cache (cms/endpoints/readCache.ts): every write
 * to a content table sends NOTIFY mp_content_change, which PostgreSQL delivers only when the
 * writing transaction commits, to every admin process listening (cms/db/changeFeed.ts).
 * Operational tables (jobs, document locks, preferences, migrations) are left out: no API read
 * the cache holds depends on them, and they change every few seconds.
 *
 * A later migration that adds tables ends with `SELECT mp_install_change_triggers();` — until it
 * does, the cache sees tables without the trigger and stays off (tests/int/readCache.test.ts).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql.raw(`
CREATE OR REPLACE FUNCTION mp_notify_content_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('mp_content_change', TG_TABLE_NAME);
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION mp_content_tables() RETURNS SETOF text LANGUAGE sql STABLE AS $fn$
  SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
    AND c.relname NOT LIKE 'payload\\_jobs%'
    AND c.relname NOT LIKE 'payload\\_locked\\_documents%'
    AND c.relname NOT LIKE 'payload\\_preferences%'
    AND c.relname <> 'payload_migrations'
$fn$;

CREATE OR REPLACE FUNCTION mp_tables_without_change_trigger() RETURNS SETOF text LANGUAGE sql STABLE AS $fn$
  SELECT t FROM mp_content_tables() t
  WHERE NOT EXISTS (
    SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE g.tgname = 'mp_content_change' AND c.relname = t AND n.nspname = current_schema()
  )
$fn$;

CREATE OR REPLACE FUNCTION mp_install_change_triggers() RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  t text;
  installed integer := 0;
BEGIN
  FOR t IN SELECT * FROM mp_tables_without_change_trigger() LOOP
    EXECUTE format('CREATE TRIGGER mp_content_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION mp_notify_content_change()', t);
    installed := installed + 1;
  END LOOP;
  RETURN installed;
END
$fn$;

SELECT mp_install_change_triggers();
`))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(`
DO $fn$
DECLARE r record;
BEGIN
  FOR r IN SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE g.tgname = 'mp_content_change' AND n.nspname = current_schema() LOOP
    EXECUTE format('DROP TRIGGER mp_content_change ON %I', r.relname);
  END LOOP;
END
$fn$;
DROP FUNCTION IF EXISTS mp_install_change_triggers();
DROP FUNCTION IF EXISTS mp_tables_without_change_trigger();
DROP FUNCTION IF EXISTS mp_content_tables();
DROP FUNCTION IF EXISTS mp_notify_content_change();
`))
}
