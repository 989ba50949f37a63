/**
 * npm run build:admin — builds the admin UI (Next.js) into cms/.next, for an image or CI, so
 * that `npm run serve` never builds on the serving machine. Skipped when the sources are
 * unchanged since the last build.
 */
import { ensureAdminBuilt } from './lib/adminBuild'
import { payloadSecretFromEnv } from '#core/config'

try {
  await ensureAdminBuilt((l) => console.log(l), { ...process.env, PAYLOAD_SECRET: payloadSecretFromEnv() ?? 'admin-build' })
  console.log('Admin UI is built (cms/.next).')
} catch (error) {
  console.error(`\nbuild:admin failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
