import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import type { Endpoint, PayloadRequest } from 'payload'
import { sitesDir } from '../../core/paths'
import { poolStats } from '../db/pool'
import { healthQuery } from '../db/healthConnection'
import { databaseUrl } from '../../core/config'

type Check<T> = { status: 'ok' | 'error'; error?: string } & T

export type Health = {
  status: 'ok' | 'degraded' | 'down'
  time: string
  /** `pool`: Payload's connection pool — its size, connections open, idle, and requests waiting for one. */
  database: Check<{ latencyMs?: number; pool?: { max: number; total: number; idle: number; waiting: number } }>
  jobs: Check<{ pending?: number; processing?: number; failed?: number }>
  missions: { code: string; lastBuild: { at: string } | null; lastRebuildJob: { status: 'pending' | 'completed' | 'failed'; at: string } | null }[]
}

/**
 * The state an operator (or a monitor) needs at a glance. Public and cheap: counts and
 * timestamps only, no error texts from the database (those go to the log). Every query runs on
 * the health check's own connection (cms/db/healthConnection.ts), never on Payload's pool, whose
 * state is reported as counts (database.pool).
 */
export async function collectHealth(req: PayloadRequest): Promise<Health> {
  const { payload } = req
  const health: Health = { status: 'ok', time: new Date().toISOString(), database: { status: 'ok' }, jobs: { status: 'ok' }, missions: [] }
  const db = payload.db as unknown as { pool?: pg.Pool; poolOptions?: { connectionString?: string } }
  const url = db.poolOptions?.connectionString ?? databaseUrl()
  const pool = poolStats(db.pool)
  try {
    if (!url) throw new Error('no database configured')
    const started = performance.now()
    await healthQuery(url, 'SELECT 1')
    health.database = { status: 'ok', latencyMs: Math.round(performance.now() - started), ...(pool ? { pool } : {}) }
  } catch (error) {
    payload.logger.error({ err: error, reqId: req.headers?.get('x-request-id') }, 'health: database unreachable')
    return { ...health, status: 'down', database: { status: 'error', error: 'unreachable' }, jobs: { status: 'error', error: 'database unreachable' } }
  }

  try {
    const [counts] = await healthQuery<{ pending: number; processing: number; failed: number }>(
      url,
      `SELECT count(*) FILTER (WHERE completed_at IS NULL AND has_error IS NOT TRUE AND processing IS NOT TRUE)::int AS pending,
              count(*) FILTER (WHERE processing IS TRUE)::int AS processing,
              count(*) FILTER (WHERE has_error IS TRUE)::int AS failed
         FROM payload_jobs`,
    )
    health.jobs = { status: 'ok', pending: counts!.pending, processing: counts!.processing, failed: counts!.failed }
    if (counts!.failed > 0) health.status = 'degraded'
  } catch (error) {
    payload.logger.error({ err: error }, 'health: jobs queue unreadable')
    health.jobs = { status: 'error', error: 'unreadable' }
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
        // The publish step swaps in a freshly built folder, so its mtime is when the last build wrote it.
        lastBuild: existsSync(dir) ? { at: statSync(dir).mtime.toISOString() } : null,
        lastRebuildJob: job
          ? {
              status: job.has_error ? 'failed' : job.completed_at ? 'completed' : 'pending',
              at: (job.completed_at ?? job.updated_at ?? job.created_at).toISOString(),
            }
          : null,
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
