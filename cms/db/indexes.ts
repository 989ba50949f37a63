import type { PostgresAdapterArgs } from '@payloadcms/db-postgres'
import { index } from '@payloadcms/db-postgres/drizzle/pg-core'

/**
 * An index on `_parent_id` of every `*_locales` table. Payload's own index there is
 * (_locale, _parent_id), but it fetches a document's localized fields by `_parent_id` alone,
 * which that index serves only by scanning it whole: measured 0.16 ms per article at 9,600
 * articles, 16 ms for each page of 100 the site build reads, against 0.01 ms with this index.
 */
export const localeRowsByParent: NonNullable<PostgresAdapterArgs['afterSchemaInit']>[number] = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!name.endsWith('_locales') || !('_parentID' in table)) continue
    extendTable({ table, extraConfig: (t) => ({ [`${name}_parent_idx`]: index(`${name}_parent_idx`).on(t._parentID) }) })
  }
  return schema
}
