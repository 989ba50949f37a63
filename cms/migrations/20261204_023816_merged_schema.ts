import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-postgres'

/**
 * No schema change of its own. Seven migrations written in parallel from the same starting point
 * (imp_redirects_import_source … readers_subscriptions) each carry a schema snapshot that lacks the
 * others' changes; this migration's snapshot (the .json beside it) is the whole schema they add up
 * to, so the next `npm run migrate:create` diffs against the truth instead of re-adding their tables.
 * The DDL it would generate is exactly what those migrations already applied, so it runs nothing.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
