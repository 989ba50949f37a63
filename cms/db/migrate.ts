import type { Payload } from 'payload'
import { migrations } from '../migrations'

/**
 * Applies the committed migrations in cms/migrations (never a schema push). The list is
 * imported rather than read from disk so the same code works under tsx, vitest and Node.
 */
export async function applyMigrations(payload: Payload) {
  await payload.db.migrate({ migrations: migrations as never })
}

/**
 * Committed migrations the database has not applied yet (all of them on a database without the
 * migrations table). Processes that must not change the schema (serve, worker) refuse to start
 * while this is not empty.
 */
export async function pendingMigrations(payload: Payload): Promise<string[]> {
  let applied: Set<string>
  try {
    const { docs } = await payload.find({ collection: 'payload-migrations', pagination: false, depth: 0, overrideAccess: true })
    applied = new Set(docs.map((d) => String((d as { name?: string }).name)))
  } catch {
    applied = new Set() // no migrations table yet
  }
  return migrations.map((m) => m.name).filter((name) => !applied.has(name))
}
