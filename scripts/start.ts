/**
 * npm start — the whole product on one machine:
 * embedded Postgres (or DATABASE_URL) → migrations → demo seed (empty embedded database, or
 * --demo / SEED_DEMO=1: scripts/lib/demoSeed.ts) →
 * site build → admin on :3000 (Next.js) → sites on :4321 → jobs runner for rebuilds.
 */
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { adminPort, debug, listenHost, s3Bucket, siteBaseUrl, sitePort } from '#core/config'
import { seed } from '../cms/seed'
import { buildSites } from '../pipeline/buildSites'
import { sitesDir } from '#core/paths'
import { startSiteServer } from '../site-server/server'
import { adminServerEnv, ensureAdminBuilt, startAdminServer } from './lib/adminBuild'
import { openSession, type Session } from './lib/session'
import { demoSeedWanted } from './lib/demoSeed'

const log = (line: string) => console.log(line)
const host = listenHost()
// Locally built links point at the local server — unless the sites are deployed (S3_BUCKET): pages
// built for localhost must never reach readers, so the missions' public URLs (or the operator's
// SITE_BASE_URL) are used, and a deploy of localhost pages is refused (pipeline/deploy/deployMission.ts).
if (!s3Bucket()) process.env.SITE_BASE_URL ??= `http://localhost:${sitePort}`

let session: Session | undefined
let admin: ChildProcess | undefined
let siteServer: import('node:http').Server | undefined
let stopping = false

/** "Admin: …" is printed only once the admin really answers, so scripts can wait for that line. */
async function waitUntilAnswering(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (admin?.exitCode != null) throw new Error(`The admin server exited with code ${admin.exitCode} before answering.`)
    try {
      const res = await fetch(url)
      if (res.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`The admin server did not answer at ${url} within ${timeoutMs / 1000} s.`)
}

async function shutdown(code: number) {
  if (stopping) return
  stopping = true
  log('\nStopping …')
  admin?.kill('SIGTERM')
  siteServer?.close()
  await session?.close().catch((e) => console.error(e))
  log('Stopped cleanly.')
  process.exit(code)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))
// A job cut off by the database stopping under it fails loudly but must not turn a requested
// stop into a crash; the job stays queued and runs again on the next start.
process.on('uncaughtException', (error) => {
  // While we stop on request, the database going away under a last in-flight query
  // ("terminating connection", "Connection terminated unexpectedly") is expected.
  if (stopping) {
    console.error(`(during shutdown) ${error.message}`)
    return
  }
  console.error(error)
  process.exit(1)
})
process.on('unhandledRejection', (error) => {
  if (stopping) console.error(`(during shutdown) ${error instanceof Error ? error.message : String(error)}`)
  else {
    console.error(error)
    void shutdown(1)
  }
})

try {
  // This process runs the jobs queue (site rebuilds); the admin's Next.js server only enqueues.
  session = await openSession({ mode: 'own', runJobs: true, log })
  const { payload } = session
  log(session.db.embedded ? `Database: embedded PostgreSQL in .data/postgres` : 'Database: DATABASE_URL')
  const bucket = s3Bucket()
  if (bucket && !siteBaseUrl()) {
    log(
      `Deploys to ${bucket}: sites are built for each mission's Public site URL; set SITE_BASE_URL for a shared public address. Pages built for localhost are never deployed.`,
    )
  }

  const { totalDocs } = await payload.count({ collection: 'missions', overrideAccess: true })
  const demo = demoSeedWanted({ embedded: session.db.embedded, empty: totalDocs === 0 })
  if (demo.seed) {
    log(`Adding demo content (${demo.reason}) …`)
    await seed(payload, log)
  } else if (totalDocs === 0) log(`Empty database, no demo content: ${demo.reason}. Create the first user at /admin.`)
  // Readers get the sites at once: the server answers from the live folders while the build
  // below brings them up to date (each mission's folder is swapped in whole when it is ready).
  siteServer = await startSiteServer({ sitesDir, port: sitePort, host })
  // Every start brings the sites up to date, not only missing ones: after an upgrade the
  // templates or the export may differ. A mission whose inputs are unchanged is not built at all.
  const missions = await payload.find({ collection: 'missions', pagination: false, depth: 0, overrideAccess: true })
  const missing = missions.docs.filter((m) => !existsSync(path.join(sitesDir, m.code, m.defaultLocale, 'index.html')))
  if (missions.docs.length) {
    log(
      missing.length
        ? `Building ${missing.length} new mission site(s), updating the others …`
        : `Updating ${missions.docs.length} mission site(s) (only what changed is rendered) …`,
    )
    // A mission that cannot be built (say, an article with a missing image) keeps its previous
    // site and is named in the log; the others, the admin and the server still come up.
    const built = await buildSites({ payload, log, isolateFailures: true })
    if (built.failures.length)
      log(`${built.failures.length} mission site(s) could not be built and keep their previous version: ${built.failures.map((f) => f.mission).join(', ')}`)
    log(`Sites up to date: http://localhost:${sitePort}/`)
  }

  const childEnv = adminServerEnv()
  await ensureAdminBuilt(log, childEnv)
  const adminProcess = startAdminServer(host, childEnv)
  admin = adminProcess
  adminProcess.on('exit', (code) => {
    if (!stopping) {
      console.error(`The admin server exited unexpectedly (code ${code}).`)
      void shutdown(1)
    }
  })
  await waitUntilAnswering(`http://${host}:${adminPort}/api/health`, 120_000)
  log('')
  log(`Admin:  http://localhost:${adminPort}/admin`)
  log(`Sites:  http://localhost:${sitePort}/  (e.g. http://localhost:${sitePort}/${missions.docs[0]?.code ?? '<code>'}/vi/)`)
  log("Publishing an article rebuilds its missions' sites. Press Ctrl-C to stop.")
} catch (error) {
  console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`)
  if (debug()) console.error(error)
  await shutdown(1)
}
