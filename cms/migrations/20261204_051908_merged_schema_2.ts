import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

// Snapshot only: the JSON beside this file is the merged schema of branches developed in parallel,
// so the next `migrate:create` diffs against all of them. The DDL itself is in 20261204_041010
// (media storage prefix), 042121 (legal page kinds) and 043008 (article byline).
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
