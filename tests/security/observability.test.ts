import { mkdirSync } from 'node:fs'
import { Writable } from 'node:stream'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import type { Payload } from 'payload'
import { createLogger } from '../../cms/lib/logger'
import { sitesDir } from '#core/paths'
import type { Health } from '../../cms/endpoints/health'
import { createTestPayload } from '../helpers/payload'
import { createMission } from '../helpers/fixtures'
import { startApiServer } from '../helpers/apiServer'
import { startJobsRunner } from '../../cms/jobs/runner'

/** /api/health over real HTTP, and the structured request log with request ids. */
let payload: Payload
let databaseUrl: string
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
let missionId: number
const lines: string[] = []
const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>)

beforeAll(async () => {
  ;({ payload, close, databaseUrl } = await createTestPayload())
  const mission = await createMission(payload, 'zz-health-probe', {
    name: 'Tổng Lãnh sự quán',
    kind: 'consulate-general',
    hostCountry: 'JP',
    city: 'Ô-xa-ca',
    timeZone: 'Asia/Tokyo',
  })
  missionId = mission.id
  const logger = createLogger({ format: 'json', level: 'info', destination: { write: (s: string) => void lines.push(s) } })
  api = await startApiServer(payload, { logger })
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

/** SQL on the test database, for what no API may do (ageing rows). */
async function sql(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(text, values)).rows
  } finally {
    await client.end()
  }
}

const health = async () => {
  const res = await fetch(`${api.url}/api/health`)
  return { status: res.status, body: (await res.json()) as Health, res }
}

describe('GET /api/health', () => {
  it('reports the database, an empty jobs queue and every mission', async () => {
    const { status, body, res } = await health()
    expect(status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(body.status).toBe('ok')
    expect(body.database.status).toBe('ok')
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0)
    expect(body.jobs).toEqual({ status: 'ok', pending: 0, processing: 0, failed: 0, failedLastHour: 0, queues: {} })
    expect(body.workers).toEqual({ status: 'ok', alive: 0, freshWithinS: 30 })
    expect(body.deployments).toEqual({ status: 'ok', failedLastHour: 0, running: 0 })
    expect(body.missions).toEqual([{ code: 'zz-health-probe', lastBuild: null, lastRebuildJob: null, lastDeployment: null }])
  })

  it('shows queued and failed rebuilds and the last build of each mission', async () => {
    mkdirSync(path.join(sitesDir, 'zz-health-probe'), { recursive: true })
    const job = await payload.jobs.queue({ task: 'rebuildSites', input: { missions: [missionId] }, queue: 'rebuild' })
    let { body } = await health()
    expect(body.jobs.pending).toBe(1)
    expect(body.jobs.queues).toEqual({ rebuild: { pending: 1, oldestPendingAgeS: expect.any(Number) } })
    expect(body.jobs.queues!.rebuild!.oldestPendingAgeS).toBeGreaterThanOrEqual(0)
    expect(body.missions[0]!.lastRebuildJob?.status).toBe('pending')
    expect(Date.parse(body.missions[0]!.lastBuild!.at)).toBeGreaterThan(Date.now() - 60_000)

    await payload.update({ collection: 'payload-jobs', id: job.id, data: { hasError: true }, overrideAccess: true })
    ;({ body } = await health())
    expect(body.status).toBe('degraded')
    expect(body.jobs).toMatchObject({ pending: 0, failed: 1, failedLastHour: 1, queues: {} })
    expect(body.missions[0]!.lastRebuildJob?.status).toBe('failed')

    // A failure two hours ago is history: still counted in `failed`, no longer a reason to alert.
    await sql(`UPDATE payload_jobs SET updated_at = now() - interval '2 hours' WHERE id = $1`, [job.id])
    ;({ body } = await health())
    expect(body.status).toBe('ok')
    expect(body.jobs).toMatchObject({ failed: 1, failedLastHour: 0 })
  })

  it('shows a queue nobody works on: the oldest due job’s age, and degraded once it waits over 10 minutes', async () => {
    const job = await payload.jobs.queue({ task: 'publishScheduled', input: {}, queue: 'scheduled' } as never)
    await sql(`UPDATE payload_jobs SET created_at = now() - interval '11 minutes' WHERE id = $1`, [job.id])
    const { body } = await health()
    expect(body.jobs.queues!.scheduled).toEqual({ pending: 1, oldestPendingAgeS: expect.any(Number) })
    expect(body.jobs.queues!.scheduled!.oldestPendingAgeS).toBeGreaterThanOrEqual(660)
    expect(body.status).toBe('degraded')
    await payload.delete({ collection: 'payload-jobs', id: job.id, overrideAccess: true })
    expect((await health()).body.status).toBe('ok')
  })

  it('counts the jobs runners by their heartbeat, seen in the last 30 s', async () => {
    // A worker that died a minute ago (SIGKILL: it never said goodbye) no longer counts.
    await sql(`INSERT INTO worker_heartbeats (worker_id, host, pid, seen_at) VALUES ('gone:1:abc', 'gone', 1, now() - interval '1 minute')`)
    const stop = await startJobsRunner(payload)
    try {
      let alive = 0
      for (let i = 0; i < 100 && alive !== 1; i++) {
        alive = (await health()).body.workers.alive ?? 0
        if (alive !== 1) await new Promise((r) => setTimeout(r, 100))
      }
      expect(alive).toBe(1)
      const [row] = await sql(`SELECT seen_at FROM worker_heartbeats WHERE worker_id <> 'gone:1:abc'`)
      // It keeps beating: the row is refreshed within a few seconds.
      let refreshed = false
      for (let i = 0; i < 100 && !refreshed; i++) {
        await new Promise((r) => setTimeout(r, 200))
        const [now] = await sql(`SELECT seen_at FROM worker_heartbeats WHERE worker_id <> 'gone:1:abc'`)
        refreshed = now.seen_at.getTime() > row.seen_at.getTime()
      }
      expect(refreshed).toBe(true)
    } finally {
      await stop()
    }
    // A runner that stops cleanly leaves at once.
    expect((await health()).body.workers.alive).toBe(0)
  })

  it('reports each mission’s last successful deployment and the deployments that failed in the last hour', async () => {
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString()
    const deploy = (status: string, startedMinutesAgo: number, finishedMinutesAgo: number) =>
      payload.create({
        collection: 'deployments',
        data: { mission: missionId, trigger: 'test', status, startedAt: at(startedMinutesAgo), finishedAt: at(finishedMinutesAgo) } as never,
        overrideAccess: true,
      })
    await deploy('succeeded', 30, 29)
    const latest = await deploy('succeeded', 10, 9)
    let { body } = await health()
    expect(body.status).toBe('ok')
    expect(body.missions[0]!.lastDeployment).toEqual({ id: latest.id, at: expect.any(String) })
    expect(Date.parse(body.missions[0]!.lastDeployment!.at)).toBeGreaterThan(Date.now() - 10 * 60_000)
    expect(Date.parse(body.missions[0]!.lastDeployment!.at)).toBeLessThan(Date.now() - 8 * 60_000)

    const failed = await deploy('failed', 5, 4)
    ;({ body } = await health())
    expect(body.missions[0]!.lastDeployment!.id).toBe(latest.id) // a failure is not the last successful one
    expect(body.deployments).toEqual({ status: 'ok', failedLastHour: 1, running: 0 })
    expect(body.status).toBe('degraded')
    await payload.delete({ collection: 'deployments', id: failed.id, overrideAccess: true })
  })
})

describe('request log', () => {
  it('writes one JSON line per request with its request id, also returned to the client', async () => {
    lines.length = 0
    const res = await fetch(`${api.url}/api/missions?depth=0`)
    const id = res.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const entry = logged().find((l) => l.reqId === id && l.msg === 'request')
    // `ip`: the client's address (here the connection's own, no proxy trusted).
    expect(entry).toMatchObject({ level: 30, method: 'GET', path: '/api/missions', status: 200, name: 'mission-publisher', ip: '127.0.0.1' })
    expect(typeof entry!.ms).toBe('number')
    expect(Date.parse(String(entry!.time))).not.toBeNaN()
  })

  it('keeps a caller’s well-formed X-Request-Id (for tracing through a proxy) and replaces a malformed one', async () => {
    const kept = await fetch(`${api.url}/api/health`, { headers: { 'X-Request-Id': 'edge-7f3a9c21' } })
    expect(kept.headers.get('x-request-id')).toBe('edge-7f3a9c21')
    const replaced = await fetch(`${api.url}/api/health`, { headers: { 'X-Request-Id': 'bad id <script>' } })
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('never writes passwords or tokens, and is readable text in development', async () => {
    const out: string[] = []
    const json = createLogger({ format: 'json', level: 'info', destination: { write: (s: string) => void out.push(s) } })
    json.info({ user: { email: 'a@example.org', password: 'hunter2-hunter2' }, headers: { authorization: 'JWT abc' } }, 'login')
    expect(out.join('')).not.toMatch(/hunter2|JWT abc/)
    expect(out.join('')).toMatch(/\[redacted\]/)
    const pretty: string[] = []
    const sink = new Writable({ write: (chunk, _enc, done) => void (pretty.push(String(chunk)), done()) })
    createLogger({ format: 'pretty', level: 'info', destination: sink }).info({ reqId: 'r-1' }, 'hello')
    await new Promise((r) => setTimeout(r, 50))
    expect(pretty.join('')).toMatch(/INFO.*hello/)
    expect(() => JSON.parse(pretty.join(''))).toThrow()
  })
})
