/** Writes a migration for schema changes: npm run migrate:create -- <name>. Commit the result. */
import { openDatabase } from '../cms/db/embeddedPostgres'
import { dataDir } from '#core/config'
import { getPayload } from 'payload'
import { closePayload } from '../cms/db/closePayload'

const name = process.argv[2] ?? 'change'
const db = await openDatabase({ dataDir, mode: 'join' })
const { default: config } = await import('../cms/payload.config')
const payload = await getPayload({ config })
try {
  await payload.db.createMigration({ migrationName: name, payload, forceAcceptWarning: true })
} finally {
  await closePayload(payload)
  await db.stop()
}
process.exit(0)
