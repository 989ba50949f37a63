import type { Payload, TaskConfig } from 'payload'
import { serially } from './serial'

type Input = { missions: number[]; attempt?: number }
const MAX_ATTEMPTS = 4
const BASE_DELAY_MS = 5_000

/**
 * Claims every other pending rebuild job (not running, due now) and returns their missions,
 * marking those jobs completed — a burst of 20 publishes becomes one or two builds.
 */
async function drainPending(payload: Payload, ownJobId: number | string): Promise<{ missions: number[]; jobs: number }> {
  const pending = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'rebuildSites' } },
        { id: { not_equals: ownJobId } },
        { completedAt: { exists: false } },
        { processing: { equals: false } },
        { hasError: { not_equals: true } },
        { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than_equal: new Date().toISOString() } }] },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const missions: number[] = []
  for (const job of pending.docs) {
    missions.push(...(((job.input as Input | undefined)?.missions ?? []) as number[]))
    await payload.update({
      collection: 'payload-jobs',
      id: job.id,
      data: { completedAt: new Date().toISOString(), processing: false, log: [...(job.log ?? []), { executedAt: new Date().toISOString(), completedAt: new Date().toISOString(), taskSlug: 'rebuildSites', taskID: 'coalesced', state: 'succeeded', output: { coalescedInto: ownJobId } }] as never },
      depth: 0,
      overrideAccess: true,
    })
  }
  return { missions, jobs: pending.docs.length }
}

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
  const { buildSites } = await import('../../pipeline/buildSites')
  const { buildAndDeploy } = await import('../../pipeline/deploy/buildAndDeploy')
  const { s3ConfigFromEnv } = await import('../../pipeline/deploy/config')
  const { purgerFromEnv } = await import('../../pipeline/deploy/cdn')
  const { failStaleDeployments } = await import('../../pipeline/deploy/records')
  const log = (l: string) => payload.logger.info(l)

  // A runner killed mid-deploy left records "running": settle them first.
  await failStaleDeployments(payload)
  const coalesced = input.attempt ? { missions: [], jobs: 0 } : await drainPending(payload, jobId)
  const ids = [...new Set([...input.missions, ...coalesced.missions].map(Number))]
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
  return { built, failed: [...failed.keys()], coalescedJobs: coalesced.jobs }
}
