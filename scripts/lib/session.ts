import { getPayload, type Payload } from 'payload'
import { openDatabase, type Database } from '../../cms/db/embeddedPostgres'
import { dataDir } from '../../core/env'
import { applyMigrations, pendingMigrations } from '../../cms/db/migrate'
import { closePayload } from '../../cms/db/closePayload'
import { startLapsedJobRelease } from '../../cms/jobs/claims'

export type Session = { payload: Payload; db: Database; close: () => Promise<void> }

/**
 * Opens the database (DATABASE_URL or the embedded server in .data/), applies committed
 * migrations and boots Payload's Local API. Scripts join a server `npm start` already runs.
 */
export async function openSession(options: {
  mode?: 'own' | 'join'
  cron?: boolean
  log?: (l: string) => void
  /** 'apply' (scripts, npm start) migrates; 'require' (serve, worker) refuses a database whose migrations are behind. */
  migrations?: 'apply' | 'require'
} = {}): Promise<Session> {
  const log = options.log ?? ((l: string) => console.log(l))
  const db = await openDatabase({ dataDir, mode: options.mode ?? 'join', log })
  let payload: Payload
  try {
    const { default: config } = await import('../../cms/payload.config')
    payload = await getPayload({ config, cron: options.cron ?? false })
    if (options.migrations === 'require') {
      const pending = await pendingMigrations(payload)
      if (pending.length) {
        await closePayload(payload)
        throw new Error(`The database is behind this release: ${pending.length} migration(s) not applied (${pending.join(', ')}). Run \`npm run migrate\` first.`)
      }
    } else await applyMigrations(payload)
  } catch (error) {
    await db.stop()
    throw error
  }
  // A process that runs jobs also takes back the jobs of workers that died mid-job.
  const stopRelease = options.cron ? startLapsedJobRelease(payload) : () => {}
  let closed = false
  return {
    payload,
    db,
    close: async () => {
      if (closed) return
      closed = true
      stopRelease()
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
    if (process.env.DEBUG) console.error(error)
    await session?.close().catch(() => {})
    process.exit(1)
  }
}
