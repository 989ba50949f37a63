import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Payload } from 'payload'

/**
 * A fresh database in the run's embedded Postgres, migrated with the committed
 * migrations, and a Payload instance on it. Call once per test file (beforeAll).
 */
export async function createTestPayload(): Promise<{ payload: Payload; databaseUrl: string; close: () => Promise<void> }> {
  const base = process.env.MP_TEST_PG_URL
  if (!base) throw new Error('tests/helpers/globalSetup.ts did not run')
  const name = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../cms/payload.config')
  const payload = await getPayload({ config })
  const { applyMigrations } = await import('../../cms/db/migrate')
  await applyMigrations(payload)
  return { payload, databaseUrl: url.toString(), close: async () => (await import('../../cms/db/closePayload')).closePayload(payload) }
}
