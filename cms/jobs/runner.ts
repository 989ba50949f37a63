import { Cron } from 'croner'
import type { Payload } from 'payload'
import { poolOf } from '../../pipeline/missionLocks'
import { LEASE_MS, releaseLapsedJobs, workerId } from './claims'
import { beat, forgetOldHeartbeats, HEARTBEAT_EVERY_MS, leave } from './heartbeat'

/**
 * The jobs runner of `npm start` and `npm run worker`, in place of Payload's autoRun (which
 * hands jobs out by find-then-update, so two runners can take the same job). The queues, their
 * schedule and limits are still declared in `jobs.autoRun` of the config; each tick claims due
 * jobs one at a time with `FOR UPDATE SKIP LOCKED` — a job goes to exactly one runner — and
 * runs it through Payload (runByID), under the claim's lease (cms/jobs/claims.ts).
 */
export async function claimNextJob(payload: Payload, queue: string): Promise<number | null> {
  const { rows } = await poolOf(payload).query<{ id: number }>(
    `UPDATE payload_jobs SET processing = true, claimed_by = $2, lease_until = now() + make_interval(secs => $3)
      WHERE id = (
        SELECT id FROM payload_jobs
         WHERE queue = $1 AND completed_at IS NULL AND NOT processing AND has_error IS NOT TRUE
           AND (wait_until IS NULL OR wait_until <= now())
         ORDER BY created_at, id
         FOR UPDATE SKIP LOCKED
         LIMIT 1)
      RETURNING id`,
    [queue, workerId, LEASE_MS / 1000],
  )
  return rows[0]?.id ?? null
}

/** One `jobs.autoRun` entry of the config: which queue, how often, how many jobs a tick. */
type QueueSchedule = { cron?: string; queue?: string; limit?: number }

async function runQueue(payload: Payload, entry: QueueSchedule) {
  const queue = entry.queue ?? 'default'
  const running: Promise<unknown>[] = []
  for (let i = 0; i < (entry.limit ?? 10); i++) {
    const id = await claimNextJob(payload, queue)
    if (id === null) break
    running.push(payload.jobs.runByID({ id }).catch((error) => payload.logger.error({ err: error }, `Job ${id} (${queue}) failed to run`)))
  }
  await Promise.all(running)
}

/**
 * Starts the runner; returns a function that stops it and waits for the jobs in flight — at most
 * `drainMs`: a job cut off then keeps its lease until it lapses, and another runner takes it over.
 */
export async function startJobsRunner(payload: Payload, drainMs = 10_000): Promise<() => Promise<void>> {
  const declared = payload.config.jobs.autoRun
  const entries = typeof declared === 'function' ? await declared(payload) : (declared ?? [])
  const inFlight = new Set<Promise<unknown>>()
  const track = (p: Promise<unknown>) => {
    inFlight.add(p)
    void p.finally(() => inFlight.delete(p))
    return p
  }
  // protect: a tick still running (a long build) is not started twice.
  const crons = (entries as QueueSchedule[]).map(
    (entry) =>
      new Cron(entry.cron ?? '* * * * *', { protect: true }, () => {
        track(runQueue(payload, entry).catch(() => {}))
      }),
  )
  // Jobs whose worker died (lease lapsed) go back to the queue, whichever runner notices first.
  crons.push(
    new Cron('*/5 * * * * *', { protect: true }, () => {
      track(
        releaseLapsedJobs(payload)
          .then((ids) => ids.length && payload.logger.warn(`Took back ${ids.length} job(s) whose worker stopped answering: ${ids.join(', ')}`))
          .catch(() => {}), // the database may be restarting; the next round tries again
      )
    }),
  )
  // The heartbeat /api/health counts workers by (cms/jobs/heartbeat.ts); a missed beat is retried next time.
  const heartbeat = () => void track(beat(payload).catch((error) => payload.logger.warn({ err: error }, 'jobs runner: heartbeat not written')))
  heartbeat()
  void forgetOldHeartbeats(payload).catch(() => {})
  const heartbeats = setInterval(heartbeat, HEARTBEAT_EVERY_MS)
  heartbeats.unref()
  return async () => {
    crons.forEach((c) => c.stop())
    clearInterval(heartbeats)
    await Promise.race([Promise.all([...inFlight]), new Promise((r) => setTimeout(r, drainMs).unref())])
    await leave(payload).catch(() => {})
  }
}
