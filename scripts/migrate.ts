/**
 * npm run migrate — applies the committed migrations (cms/migrations) once per release, before
 * `npm run serve` and `npm run worker` processes of the new release start (they refuse a
 * database whose migrations are behind). Safe to run again: applied migrations are skipped.
 */
import { pendingMigrations } from '../cms/db/migrate'
import { runScript } from './lib/session'

await runScript('migrate', async ({ payload }) => {
  // openSession applied every pending migration; say what the database holds now.
  const left = await pendingMigrations(payload)
  if (left.length) throw new Error(`Migrations still pending after migrate: ${left.join(', ')}`)
  const { totalDocs } = await payload.count({ collection: 'payload-migrations', overrideAccess: true })
  console.log(`Database schema is current (${totalDocs} migration(s) applied).`)
})
