import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { and, desc, eq } from '@payloadcms/db-postgres/drizzle'
import { refusal } from '../lib/errors'

type Row = { updatedAt: string | null }
type Table = Record<string, never>

/** Instants from Postgres ("2026-12-04 01:20:33.123+00") and from ISO strings, comparable. */
const instant = (value: unknown): number => (typeof value === 'string' ? Date.parse(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')) : Number.NaN)

/**
 * The version the client saw, if it says: an `If-Match` header on the REST update of this very
 * document (ETag-style, quotes and W/ allowed), or the `updatedAt` the data carries — the admin's
 * edit form sends the one it loaded, and so does a client that read a document and sends it back.
 */
function expectedVersion(req: PayloadRequest, slug: string, id: number | string, data: Record<string, unknown> | undefined): string | undefined {
  const target = req.routeParams as { collection?: string; id?: string } | undefined
  const header = req.method === 'PATCH' && target?.collection === slug && String(target.id) === String(id) ? req.headers?.get('if-match') : null
  if (header) {
    const value = header.trim().replace(/^W\//, '').replace(/^"|"$/g, '')
    if (Number.isNaN(instant(value)))
      throw refusal(`If-Match must be the document's updatedAt as you read it, e.g. "2026-12-01T09:30:00.000Z"; got ${JSON.stringify(header)}.`, 400)
    return value
  }
  return typeof data?.updatedAt === 'string' && data.updatedAt ? data.updatedAt : undefined
}

/**
 * Saves of one document happen one after another, and a save based on an outdated read is
 * refused (409), never silently laid over the newer version:
 * 1. Inside the save's transaction (beforeOperation runs after Payload began it, before it reads
 *    the document), the document's row is locked (SELECT … FOR UPDATE). A concurrent save of the
 *    same document waits at that point until this one commits, then reads what it wrote: the
 *    two apply in order, whatever locale each writes.
 * 2. If the client says which version it edited (see expectedVersion) and that is not the latest
 *    (for drafts: the newest version's updatedAt), the save stops with 409 and changes nothing.
 * Without a transaction (a caller that disabled it) there is nothing to hold the lock: no check.
 * Register on a collection with `beforeOperation: [optimisticConcurrency]`.
 */
export const optimisticConcurrency: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'update') return args
  const { id, data } = args as { id?: number | string; data?: Record<string, unknown> }
  if (id == null) return args
  const adapter = req.payload.db as unknown as PostgresAdapter
  const tx = req.transactionID ? adapter.sessions[await req.transactionID]?.db : undefined
  if (!tx) return args

  const name = adapter.tableNameMap.get(collection.slug.replaceAll('-', '_'))
  const table = name ? (adapter.tables[name] as unknown as Table & { id: never; updatedAt: never }) : undefined
  if (!table) return args
  const [row] = (await tx
    .select({ updatedAt: table.updatedAt })
    .from(table as never)
    .where(eq(table.id, id))
    .for('update')) as Row[]
  if (!row) return args // Payload answers 404 itself

  const expected = expectedVersion(req, collection.slug, id, data)
  if (!expected) return args
  let current = row.updatedAt
  if (collection.versions && typeof collection.versions === 'object' && collection.versions.drafts) {
    // Draft saves write a new version only: the newest version holds the document's updatedAt.
    const versions = adapter.tables[adapter.tableNameMap.get(`_${name}${adapter.versionsSuffix}`) ?? ''] as unknown as
      (Table & { parent: never; latest: never; updatedAt: never; version_updatedAt: never }) | undefined
    if (versions) {
      const [latest] = (await tx
        .select({ updatedAt: versions.version_updatedAt })
        .from(versions as never)
        .where(and(eq(versions.parent, id), eq(versions.latest, true)))
        .orderBy(desc(versions.updatedAt))
        .limit(1)) as Row[]
      if (latest?.updatedAt) current = latest.updatedAt
    }
  }
  if (instant(expected) !== instant(current)) {
    throw refusal(
      `This document was changed by someone else at ${new Date(instant(current)).toISOString()} (you edited the version of ${expected}). ` +
        'Nothing was saved: reload it and apply your change again.',
      409,
    )
  }
  return args
}
