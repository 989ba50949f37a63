import type { Payload, TaskConfig } from 'payload'
import { lockMissions } from '../../pipeline/missionLocks'
import { absorbPendingJobs } from './claims'
import { serially } from './serial'

type Input = { missions: number[]; attempt?: number }
const MAX_ATTEMPTS = 4
const BASE_DELAY_MS = 5_000

/**
 * Rebuilds (and, when S3_BUCKET is set, deploys) the sites of the given missions after public
 * content changed. Runs in the jobs runner that `npm start` hosts, never inside a save
 * transaction. Missions that fail are re-queued on their own with exponential back-off, so one
 * mission's broken article never holds back the others.
 */
export const rebuildSitesTask: TaskConfig<{ input: Input; output: { built: string[]; failed: string[]; coalescedJobs: number } }> = {
  slug: 'rebuildSites',
  label: 'Rebuild mission sites',
  inputSchema: [
    { name: 'missions', type: 'json', required: true },
    { name: 'attempt', type: 'number' },
  ],
  outputSchema: [
    { name: 'built', type: 'json' },
    { name: 'failed', type: 'json' },
    { name: 'coalescedJobs', type: 'number' },
  ],
  // Whole-task errors (database down …) are retried by Payload; per-mission failures below.
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ input, job, req }) => {
    // Waits for a running build, then coalesces whatever queued up meanwhile.
    return { output: await serially(() => rebuild(req.payload, input, job.id)) }
  },
}

async function rebuild(payload: Payload, input: Input, jobId: number | string) {
  const log = (l: string) => payload.logger.info(l)

  // Every other due rebuild joins this one (atomically: two workers never take the same job).
  const coalesced = input.attempt ? { missions: input.missions.map(Number), absorbed: 0 } : await absorbPendingJobs(payload, 'rebuildSites', jobId)
  const wanted = [...new Set(coalesced.missions)]
  // One build of a mission at a time, whichever worker runs it: a mission another worker is
  // building now is queued again shortly, so its latest content is built once that build ends.
  const locks = await lockMissions(payload, 'build', wanted)
  try {
    if (locks.busy.length) {
      await payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions: locks.busy }, waitUntil: new Date(Date.now() + 2_000) })
      log(`Missions ${locks.busy.join(', ')} are being built by another worker; queued again.`)
    }
    return await rebuildLocked(payload, input, jobId, locks.held, coalesced.absorbed, log)
  } finally {
    await locks.release()
  }
}

async function rebuildLocked(payload: Payload, input: Input, jobId: number | string, ids: number[], coalescedJobs: number, log: (l: string) => void) {
  // Nothing left to build here (an empty list would mean "every mission" to buildSites).
  if (!ids.length) return { built: [], failed: [], coalescedJobs }
  const { buildSites } = await import('../../pipeline/buildSites')
  const { buildAndDeploy } = await import('../../pipeline/deploy/buildAndDeploy')
  const { s3ConfigFromEnv } = await import('../../pipeline/deploy/config')
  const { purgerFromEnv } = await import('../../pipeline/deploy/cdn')
  const missions = await payload.find({
    collection: 'missions',
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
    overrideAccess: true, // mission records are public; the runner has no user
  })
  const codes = missions.docs.map((m) => m.code)
  const failed = new Map<string, string>()
  const built: string[] = []
  const s3 = s3ConfigFromEnv()
  if (s3) {
    // Build, then deploy each built mission to the bucket (failures are recorded per mission).
    for (const o of await buildAndDeploy({ payload, missions: codes, trigger: `job: publish (job ${jobId})`, s3, purger: purgerFromEnv(), log })) {
      if (o.ok) built.push(o.mission)
      else failed.set(o.mission, o.error)
    }
  } else {
    // Local only: dist/sites/ is what the local site server (the local "CDN") serves.
    const report = await buildSites({ payload, missions: codes, isolateFailures: true, log })
    built.push(...report.missions)
    for (const f of report.failures) failed.set(f.mission, f.error)
  }

  const attempt = (input.attempt ?? 0) + 1
  if (failed.size) {
    const retryIds = missions.docs.filter((m) => failed.has(m.code)).map((m) => m.id)
    if (attempt < MAX_ATTEMPTS) {
      const delay = BASE_DELAY_MS * 2 ** (attempt - 1)
      await payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions: retryIds, attempt }, waitUntil: new Date(Date.now() + delay) })
      payload.logger.warn(`Site rebuild failed for ${[...failed.keys()].join(', ')}; retrying in ${delay / 1000} s: ${[...failed.values()].join(' | ')}`)
    } else {
      payload.logger.error(`Site rebuild failed for ${[...failed.keys()].join(', ')} after ${attempt} attempts: ${[...failed.values()].join(' | ')}`)
    }
  }
  return { built, failed: [...failed.keys()], coalescedJobs }
}
