import { mkdirSync } from 'node:fs'
import { Writable } from 'node:stream'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { createLogger } from '../../cms/lib/logger'
import { sitesDir } from '../../core/paths'
import type { Health } from '../../cms/endpoints/health'
import { createTestPayload } from '../helpers/payload'
import { createMission } from '../helpers/fixtures'
import { startApiServer } from '../helpers/apiServer'

/** /api/health over real HTTP, and the structured request log with request ids. */
let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
let missionId: number
const lines: string[] = []
const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>)

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
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
    expect(body.jobs).toEqual({ status: 'ok', pending: 0, processing: 0, failed: 0 })
    expect(body.missions).toEqual([{ code: 'zz-health-probe', lastBuild: null, lastRebuildJob: null }])
  })

  it('shows queued and failed rebuilds and the last build of each mission', async () => {
    mkdirSync(path.join(sitesDir, 'zz-health-probe'), { recursive: true })
    const job = await payload.jobs.queue({ task: 'rebuildSites', input: { missions: [missionId] }, queue: 'rebuild' })
    let { body } = await health()
    expect(body.jobs.pending).toBe(1)
    expect(body.missions[0]!.lastRebuildJob?.status).toBe('pending')
    expect(Date.parse(body.missions[0]!.lastBuild!.at)).toBeGreaterThan(Date.now() - 60_000)

    await payload.update({ collection: 'payload-jobs', id: job.id, data: { hasError: true }, overrideAccess: true })
    ;({ body } = await health())
    expect(body.status).toBe('degraded')
    expect(body.jobs).toMatchObject({ pending: 0, failed: 1 })
    expect(body.missions[0]!.lastRebuildJob?.status).toBe('failed')
  })
})

describe('request log', () => {
  it('writes one JSON line per request with its request id, also returned to the client', async () => {
    lines.length = 0
    const res = await fetch(`${api.url}/api/missions?depth=0`)
    const id = res.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const entry = logged().find((l) => l.reqId === id && l.msg === 'request')
    expect(entry).toMatchObject({ level: 30, method: 'GET', path: '/api/missions', status: 200, name: 'mission-publisher' })
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
