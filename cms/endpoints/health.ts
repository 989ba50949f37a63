import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Endpoint, PayloadRequest } from 'payload'
import { sitesDir } from '../../core/paths'

type Check<T> = { status: 'ok' | 'error'; error?: string } & T

export type Health = {
  status: 'ok' | 'degraded' | 'down'
  time: string
  database: Check<{ latencyMs?: number }>
  jobs: Check<{ pending?: number; processing?: number; failed?: number }>
  missions: { code: string; lastBuild: { at: string } | null; lastRebuildJob: { status: 'pending' | 'completed' | 'failed'; at: string } | null }[]
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const value = await fn()
  return [value, Math.round(performance.now() - t)]
}

/**
 * The state an operator (or a monitor) needs at a glance. Public and cheap: counts and
 * timestamps only, no error texts from the database (those go to the log).
 */
export async function collectHealth(req: PayloadRequest): Promise<Health> {
  const { payload } = req
  const health: Health = { status: 'ok', time: new Date().toISOString(), database: { status: 'ok' }, jobs: { status: 'ok' }, missions: [] }
  const pool = (payload.db as unknown as { pool?: { query: (sql: string) => Promise<unknown> } }).pool
  try {
    if (!pool) throw new Error('no database pool')
    const [, ms] = await timed(() => pool.query('SELECT 1'))
    health.database.latencyMs = ms
  } catch (error) {
    payload.logger.error({ err: error, reqId: req.headers?.get('x-request-id') }, 'health: database unreachable')
    return { ...health, status: 'down', database: { status: 'error', error: 'unreachable' }, jobs: { status: 'error', error: 'database unreachable' } }
  }

  const system = { overrideAccess: true, req } as const // counts only; never returned as documents
  try {
    const [pending, processing, failed] = await Promise.all([
      payload.count({ collection: 'payload-jobs', where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }, { processing: { not_equals: true } }] }, ...system }),
      payload.count({ collection: 'payload-jobs', where: { processing: { equals: true } }, ...system }),
      payload.count({ collection: 'payload-jobs', where: { hasError: { equals: true } }, ...system }),
    ])
    health.jobs = { status: 'ok', pending: pending.totalDocs, processing: processing.totalDocs, failed: failed.totalDocs }
    if (failed.totalDocs > 0) health.status = 'degraded'
  } catch (error) {
    payload.logger.error({ err: error }, 'health: jobs queue unreadable')
    health.jobs = { status: 'error', error: 'unreadable' }
    health.status = 'degraded'
  }

  try {
    const missions = await payload.find({ collection: 'missions', pagination: false, depth: 0, select: { code: true }, sort: 'code', ...system })
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'rebuildSites' } }, sort: '-createdAt', limit: 200, depth: 0, ...system })
    health.missions = missions.docs.map((m) => {
      const dir = path.join(sitesDir, m.code)
      const job = jobs.docs.find((j) => ((j.input as { missions?: number[] } | null)?.missions ?? []).includes(m.id))
      return {
        code: m.code,
        // The publish step swaps in a freshly built folder, so its mtime is when the last build wrote it.
        lastBuild: existsSync(dir) ? { at: statSync(dir).mtime.toISOString() } : null,
        lastRebuildJob: job
          ? { status: job.hasError ? 'failed' : job.completedAt ? 'completed' : 'pending', at: (job.completedAt ?? job.updatedAt ?? job.createdAt) as string }
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
