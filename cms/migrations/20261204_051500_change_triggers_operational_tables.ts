import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * The shared rate limits and the workers' heartbeats (20261204_042500) are operational tables,
 * written on every login attempt and every few seconds: no API read depends on them, so they
 * send no change notifications (20261204_041357); every other table added since gets its trigger.
 */
const contentTables = (extra: string) => `
CREATE OR REPLACE FUNCTION mp_content_tables() RETURNS SETOF text LANGUAGE sql STABLE AS $fn$
  SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
    AND c.relname NOT LIKE 'payload\\_jobs%'
    AND c.relname NOT LIKE 'payload\\_locked\\_documents%'
    AND c.relname NOT LIKE 'payload\\_preferences%'
    AND c.relname <> 'payload_migrations'${extra}
$fn$;`

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(
    sql.raw(`${contentTables(`
    AND c.relname NOT IN ('rate_limits', 'worker_heartbeats')`)}
DO $fn$
DECLARE t text;
BEGIN
  FOR t IN SELECT unnest(ARRAY['rate_limits', 'worker_heartbeats']) LOOP
    IF to_regclass(t) IS NOT NULL THEN
      EXECUTE format('DROP TRIGGER IF EXISTS mp_content_change ON %I', t);
    END IF;
  END LOOP;
END
$fn$;
SELECT mp_install_change_triggers();`),
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(`${contentTables('')}\nSELECT mp_install_change_triggers();`))
}
