import type { Payload } from 'payload'
import { migrations } from '../migrations'

/**
 * Applies the committed migrations in cms/migrations (never a schema push). The list is
 * imported rather than read from disk so the same code works under tsx, vitest and Node.
 */
export async function applyMigrations(payload: Payload) {
  await payload.db.migrate({ migrations: migrations as never })
}
