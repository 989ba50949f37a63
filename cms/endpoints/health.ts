import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import type { Endpoint, PayloadRequest } from 'payload'
import { sitesDir } from '#core/paths'
import { poolStats } from '../db/pool'
import { healthQuery } from '../db/healthConnection'
import { databaseUrlOf } from '../db/rateLimits'
import { HEARTBEAT_FRESH_S } from '../jobs/heartbeat'

/** A due job waiting longer than this means no worker takes jobs (or they cannot keep up): degraded. */
export const STALE_QUEUE_S = 600

type Check<T> = { status: 'ok' | 'error'; error?: string } & T

export type Health = {
  status: 'ok' | 'degraded' | 'down'
  time: string
  /** `pool`: Payload's connection pool — its size, connections open, idle, and requests waiting for one. */
  database: Check<{ latencyMs?: number; pool?: { max: number; total: number; idle: number; waiting: number } }>
  /**
   * `pending`, `processing`, `failed`: all jobs in the table (as before); `failedLastHour`: jobs that
   * failed in the last hour; `queues`: per queue, jobs due now and how long the oldest of them has waited.
   */
  jobs: Check<{
    pending?: number
    processing?: number
    failed?: number
    failedLastHour?: number
    queues?: Record<string, { pending: number; oldestPendingAgeS: number | null }>
  }>
  /** Jobs runners (`npm run worker`, `npm start`'s) whose heartbeat was seen in the last `freshWithinS` seconds. */
  workers: Check<{ alive?: number; freshWithinS?: number }>
  /** Deployments (the `deployments` collection) that failed in the last hour, and those running now. */
  deployments: Check<{ failedLastHour?: number; running?: number }>
  missions: {
    code: string
    lastBuild: { at: string } | null
    lastRebuildJob: { status: 'pending' | 'completed' | 'failed'; at: string } | null
    /** The mission's latest succeeded deployment. */
    lastDeployment: { id: number; at: string } | null
  }[]
}

/**
 * The state an operator (or a monitor) needs at a glance. Public and cheap: counts and
 * timestamps only, no error texts from the database (those go to the log). Every query runs on
 * the health check's own connection (cms/db/healthConnection.ts), never on Payload's pool, whose
 * state is reported as counts (database.pool).
 */
export async function collectHealth(req: PayloadRequest): Promise<Health> {
  const { payload } = req
  const health: Health = {
    status: 'ok',
    time: new Date().toISOString(),
    database: { status: 'ok' },
    jobs: { status: 'ok' },
    workers: { status: 'ok' },
    deployments: { status: 'ok' },
    missions: [],
  }
  const url = databaseUrlOf(payload)
  const pool = poolStats((payload.db as unknown as { pool?: pg.Pool }).pool)
  try {
    if (!url) throw new Error('no database configured')
    const started = performance.now()
    await healthQuery(url, 'SELECT 1')
    health.database = { status: 'ok', latencyMs: Math.round(performance.now() - started), ...(pool ? { pool } : {}) }
  } catch (error) {
    payload.logger.error({ err: error, reqId: req.headers?.get('x-request-id') }, 'health: database unreachable')
    const unreachable = { status: 'error', error: 'database unreachable' } as const
    return { ...health, status: 'down', database: { status: 'error', error: 'unreachable' }, jobs: unreachable, workers: unreachable, deployments: unreachable }
  }

  try {
    const [counts] = await healthQuery<{ pending: number; processing: number; failed: number; failed_last_hour: number }>(
      url,
      `SELECT count(*) FILTER (WHERE completed_at IS NULL AND has_error IS NOT TRUE AND processing IS NOT TRUE)::int AS pending,
              count(*) FILTER (WHERE processing IS TRUE)::int AS processing,
              count(*) FILTER (WHERE has_error IS TRUE)::int AS failed,
              count(*) FILTER (WHERE has_error IS TRUE AND coalesce(completed_at, updated_at) > now() - interval '1 hour')::int AS failed_last_hour
         FROM payload_jobs`,
    )
    // Due jobs only: a scheduled publish waiting for its time is not late.
    const queues = await healthQuery<{ queue: string; pending: number; oldest_s: number | null }>(
      url,
      `SELECT coalesce(queue, 'default') AS queue, count(*)::int AS pending,
              floor(extract(epoch FROM now() - min(greatest(created_at, coalesce(wait_until, created_at)))))::int AS oldest_s
         FROM payload_jobs
        WHERE completed_at IS NULL AND has_error IS NOT TRUE AND processing IS NOT TRUE AND (wait_until IS NULL OR wait_until <= now())
        GROUP BY 1 ORDER BY 1`,
    )
    health.jobs = {
      status: 'ok',
      pending: counts!.pending,
      processing: counts!.processing,
      failed: counts!.failed,
      failedLastHour: counts!.failed_last_hour,
      queues: Object.fromEntries(queues.map((q) => [q.queue, { pending: q.pending, oldestPendingAgeS: q.oldest_s }])),
    }
    // A job that failed long ago stays in the table (and in `failed`) but is no news now.
    if (counts!.failed_last_hour > 0 || queues.some((q) => (q.oldest_s ?? 0) > STALE_QUEUE_S)) health.status = 'degraded'
  } catch (error) {
    payload.logger.error({ err: error }, 'health: jobs queue unreadable')
    health.jobs = { status: 'error', error: 'unreadable' }
    health.status = 'degraded'
  }

  try {
    const [workers] = await healthQuery<{ alive: number }>(
      url,
      `SELECT count(*)::int AS alive FROM worker_heartbeats WHERE seen_at > now() - make_interval(secs => ${HEARTBEAT_FRESH_S})`,
    )
    health.workers = { status: 'ok', alive: workers!.alive, freshWithinS: HEARTBEAT_FRESH_S }
  } catch (error) {
    payload.logger.error({ err: error }, 'health: worker heartbeats unreadable')
    health.workers = { status: 'error', error: 'unreadable' }
    health.status = 'degraded'
  }

  let lastDeployments = new Map<number, { id: number; at: string }>()
  try {
    const [deployments] = await healthQuery<{ failed_last_hour: number; running: number }>(
      url,
      `SELECT count(*) FILTER (WHERE status = 'failed' AND coalesce(finished_at, updated_at) > now() - interval '1 hour')::int AS failed_last_hour,
              count(*) FILTER (WHERE status = 'running')::int AS running
         FROM deployments`,
    )
    const last = await healthQuery<{ mission_id: number; id: number; at: Date }>(
      url,
      `SELECT DISTINCT ON (mission_id) mission_id, id, coalesce(finished_at, started_at) AS at
         FROM deployments WHERE status = 'succeeded'
        ORDER BY mission_id, coalesce(finished_at, started_at) DESC, id DESC`,
    )
    lastDeployments = new Map(last.map((d) => [d.mission_id, { id: d.id, at: d.at.toISOString() }]))
    health.deployments = { status: 'ok', failedLastHour: deployments!.failed_last_hour, running: deployments!.running }
    if (deployments!.failed_last_hour > 0) health.status = 'degraded'
  } catch (error) {
    payload.logger.error({ err: error }, 'health: deployments unreadable')
    health.deployments = { status: 'error', error: 'unreadable' }
    health.status = 'degraded'
  }

  try {
    const missions = await healthQuery<{ id: number; code: string }>(url, 'SELECT id, code FROM missions ORDER BY code')
    const jobs = await healthQuery<{
      input: { missions?: number[] } | null
      has_error: boolean | null
      completed_at: Date | null
      updated_at: Date
      created_at: Date
    }>(
      url,
      `SELECT input, has_error, completed_at, updated_at, created_at FROM payload_jobs WHERE task_slug = 'rebuildSites' ORDER BY created_at DESC LIMIT 200`,
    )
    health.missions = missions.map((m) => {
      const dir = path.join(sitesDir, m.code)
      const job = jobs.find((j) => (j.input?.missions ?? []).map(Number).includes(m.id))
      return {
        code: m.code,
        // This process's disk: the publish step swaps in a freshly built folder, so its mtime is when
        // the last build here wrote it (null on a `serve` instance, which builds nothing).
        lastBuild: existsSync(dir) ? { at: statSync(dir).mtime.toISOString() } : null,
        lastRebuildJob: job
          ? {
              status: job.has_error ? 'failed' : job.completed_at ? 'completed' : 'pending',
              at: (job.completed_at ?? job.updated_at ?? job.created_at).toISOString(),
            }
          : null,
        lastDeployment: lastDeployments.get(m.id) ?? null,
      }
    })
  } catch (error) {
    payload.logger.error({ err: error }, 'health: missions unreadable')
    health.status = 'degraded'
  }
  return health
}

export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const health = await collectHealth(req)
    return Response.json(health, { status: health.status === 'down' ? 503 : 200, headers: { 'Cache-Control': 'no-store' } })
  },
}
