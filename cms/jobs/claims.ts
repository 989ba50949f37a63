import { randomBytes } from 'node:crypto'
import os from 'node:os'
import type { Field, Payload, TaskConfig } from 'payload'
import { poolOf } from '../../pipeline/missionLocks'

/**
 * Jobs that are correct with any number of workers. Payload 3.x claims jobs by find-then-update
 * (two runners can take the same job) and leaves a job `processing` for good when its runner is
 * killed. So our runner (cms/jobs/runner.ts) claims each job in one statement — the job's
 * `claimedBy` and `leaseUntil` — and every task runs under that claim, whose lease the worker
 * renews while the task runs; a job whose lease lapsed is handed back to the queue by any runner
 * (releaseLapsedJobs) and claimed by the next one.
 */
export const LEASE_MS = 30_000

/** This process, as it signs its claims: host, pid and a random part (pids repeat across machines and restarts). */
export const workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`

export const jobClaimFields: Field[] = [
  { name: 'claimedBy', type: 'text', index: true, admin: { readOnly: true } },
  { name: 'leaseUntil', type: 'date', index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
]

export class JobClaimedElsewhere extends Error {}

/** Claims the job for this worker unless another worker holds a live lease on it. */
export async function claimJob(payload: Payload, jobId: number | string): Promise<boolean> {
  const { rowCount } = await poolOf(payload).query(
    `UPDATE payload_jobs SET claimed_by = $2, lease_until = now() + make_interval(secs => $3)
      WHERE id = $1 AND completed_at IS NULL AND (claimed_by IS NULL OR claimed_by = $2 OR lease_until < now())`,
    [jobId, workerId, LEASE_MS / 1000],
  )
  return rowCount === 1
}

async function renewLease(payload: Payload, jobId: number | string) {
  await poolOf(payload).query(`UPDATE payload_jobs SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND claimed_by = $2`, [
    jobId,
    workerId,
    LEASE_MS / 1000,
  ])
}

/**
 * Hands jobs whose worker died back to the queue: processing, but the lease lapsed (or never
 * taken, two minutes after Payload marked them). Returns their ids.
 */
export async function releaseLapsedJobs(payload: Payload): Promise<number[]> {
  const { rows } = await poolOf(payload).query<{ id: number }>(
    `UPDATE payload_jobs SET processing = false, claimed_by = NULL
      WHERE processing AND completed_at IS NULL
        AND (lease_until < now() OR (lease_until IS NULL AND updated_at < now() - interval '2 minutes'))
      RETURNING id`,
  )
  return rows.map((r) => r.id)
}

/**
 * Marks every other due, unclaimed job of the task completed and merges their `missions` into
 * this job's input, in one statement: a burst of publishes becomes one build, two workers
 * draining at once never take the same job, and if this worker dies, the job taken over by
 * another one still carries every mission it had absorbed. Returns the merged missions and how
 * many jobs were absorbed.
 */
export async function absorbPendingJobs(payload: Payload, taskSlug: string, ownJobId: number | string): Promise<{ missions: number[]; absorbed: number }> {
  const { rows } = await poolOf(payload).query<{ missions: number[] | null; absorbed: string }>(
    `WITH absorbed AS (
        UPDATE payload_jobs SET completed_at = now(), processing = false, claimed_by = $3
         WHERE task_slug = $1 AND id <> $2 AND completed_at IS NULL AND NOT processing AND has_error IS NOT TRUE
           AND (wait_until IS NULL OR wait_until <= now()) AND (claimed_by IS NULL OR lease_until < now())
         RETURNING input),
      merged AS (
        SELECT coalesce(jsonb_agg(DISTINCT m), '[]'::jsonb) AS missions FROM (
          SELECT jsonb_array_elements(coalesce(input -> 'missions', '[]'::jsonb)) AS m FROM payload_jobs WHERE id = $2
          UNION SELECT jsonb_array_elements(coalesce(input -> 'missions', '[]'::jsonb)) FROM absorbed) all_missions)
     UPDATE payload_jobs SET input = jsonb_set(coalesce(input, '{}'::jsonb), '{missions}', (SELECT missions FROM merged))
      WHERE id = $2
     RETURNING input -> 'missions' AS missions, (SELECT count(*) FROM absorbed) AS absorbed`,
    [taskSlug, ownJobId, workerId],
  )
  return { missions: (rows[0]?.missions ?? []).map(Number), absorbed: Number(rows[0]?.absorbed ?? 0) }
}

/** Runs a task only under this worker's claim, renewing the lease while it runs. */
// Each task has its own input and output types; the claim does not look at them.
export function claimed<T extends TaskConfig<any>>(task: T): T {
  const handler = task.handler
  if (typeof handler !== 'function') return task
  return {
    ...task,
    handler: (async (args: Parameters<typeof handler>[0]) => {
      const { job, req } = args
      if (!(await claimJob(req.payload, job.id))) {
        // Payload's find-then-update gave this job to a second runner too; the first one keeps it.
        throw new JobClaimedElsewhere(`Job ${job.id} is held by another worker; it comes back here only if that worker's lease lapses.`)
      }
      const renewal = setInterval(() => void renewLease(req.payload, job.id).catch(() => {}), LEASE_MS / 3)
      try {
        return await handler(args)
      } finally {
        clearInterval(renewal)
      }
    }) as typeof handler,
  }
}
