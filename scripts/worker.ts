/**
 * npm run worker — the jobs runner only: site rebuilds, deploys, scheduled publishing and every
 * other queued task. Run any number of them against one database: each job is claimed by one
 * worker at a time under a lease it renews, a mission is built by one worker at a time, and a
 * job whose worker died is taken over when its lease lapses (cms/jobs/claims.ts). No admin, no
 * site server, no migrations (it refuses a database whose migrations are behind).
 */
import { openSession, type Session } from './lib/session'

let session: Session | undefined
let stopping = false

async function stop(code: number) {
  if (stopping) return
  stopping = true
  console.log('Worker stopping …')
  // Stops the runner (jobs in flight get a few seconds to finish; one cut off is taken over by another worker).
  await session?.close().catch((e) => console.error(e))
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
process.on('uncaughtException', (error) => {
  if (stopping) return
  console.error(error)
  void stop(1)
})

try {
  session = await openSession({ mode: 'join', runJobs: true, migrations: 'require' })
  console.log(`Worker ${process.pid} running jobs (${session.db.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}). Ctrl-C stops it.`)
} catch (error) {
  console.error(`\nnpm run worker failed: ${error instanceof Error ? error.message : String(error)}`)
  await session?.close().catch(() => {})
  process.exit(1)
}
