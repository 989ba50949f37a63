/**
 * npm run serve — the admin and the API only (Next.js on PORT), for running several instances
 * behind a load balancer: no jobs runner, no site builds, no seeding, no migrations. It refuses
 * to start on a database whose migrations are behind (`npm run migrate`) or without a built admin
 * (`npm run build:admin`). Builds, deploys and scheduled publishing run in `npm run worker`.
 */
import { adminPort, listenHost } from '#core/config'
import { adminBuildExists, startAdminServer } from './lib/adminBuild'
import { openSession } from './lib/session'

const host = listenHost()

try {
  if (!adminBuildExists()) throw new Error('The admin UI is not built. Run `npm run build:admin` first (once per release, or in the image).')
  // Checks the schema (and that the database answers), then lets the admin open its own pool.
  const session = await openSession({ mode: 'join', migrations: 'require' })
  await session.close()
} catch (error) {
  console.error(`\nnpm run serve failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

const admin = startAdminServer(host)
console.log(`Admin and API: http://${host}:${adminPort}/admin (serve: no jobs, no builds)`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => admin.kill('SIGTERM'))
admin.on('exit', (code) => process.exit(code ?? 0))
