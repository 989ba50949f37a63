import { getPayload, type Payload } from 'payload'
import { openDatabase, type Database } from '../../cms/db/embeddedPostgres'
import { checkConfig, dataDir, debug } from '#core/config'
import { applyMigrations, pendingMigrations } from '../../cms/db/migrate'
import { closePayload } from '../../cms/db/closePayload'
import { startJobsRunner } from '../../cms/jobs/runner'

export type Session = { payload: Payload; db: Database; close: () => Promise<void> }

/**
 * Opens the database (DATABASE_URL or the embedded server in .data/), applies committed
 * migrations and boots Payload's Local API. Scripts join a server `npm start` already runs.
 */
export async function openSession(
  options: {
    mode?: 'own' | 'join'
    log?: (l: string) => void
    /** 'apply' (scripts, npm start) migrates; 'require' (serve, worker) refuses a database whose migrations are behind. */
    migrations?: 'apply' | 'require'
    /** Run the jobs queue in this process (npm start, npm run worker); closing the session stops it first. */
    runJobs?: boolean
  } = {},
): Promise<Session> {
  const log = options.log ?? ((l: string) => console.log(l))
  checkConfig() // a bad variable stops here, named, before anything is opened or written
  const db = await openDatabase({ dataDir, mode: options.mode ?? 'join', log })
  let payload: Payload
  try {
    const { default: config } = await import('../../cms/payload.config')
    payload = await getPayload({ config })
    if (options.migrations === 'require') {
      const pending = await pendingMigrations(payload)
      if (pending.length) {
        await closePayload(payload)
        throw new Error(
          `The database is behind this release: ${pending.length} migration(s) not applied (${pending.join(', ')}). Run \`npm run migrate\` first.`,
        )
      }
    } else await applyMigrations(payload)
  } catch (error) {
    await db.stop()
    throw error
  }
  const stopJobs = options.runJobs ? await startJobsRunner(payload) : async () => {}
  let closed = false
  return {
    payload,
    db,
    close: async () => {
      if (closed) return
      closed = true
      await stopJobs()
      // Close Payload's pool before stopping Postgres, or shutdown waits on open connections.
      await closePayload(payload)
      await db.stop()
    },
  }
}

/** Runs `fn` in a session and exits non-zero with a readable message on failure. */
export async function runScript(name: string, fn: (session: Session) => Promise<void>) {
  let session: Session | undefined
  try {
    session = await openSession()
    await fn(session)
    await session.close()
    process.exit(0)
  } catch (error) {
    console.error(`\n${name} failed: ${error instanceof Error ? error.message : String(error)}`)
    if (debug()) console.error(error)
    await session?.close().catch(() => {})
    process.exit(1)
  }
}
