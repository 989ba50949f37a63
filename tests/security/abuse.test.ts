import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { authLimits, MAX_PAGE_SIZE } from '../../cms/hooks/abuseLimits'
import { MAX_JSON_BODY_BYTES } from '../../cms/endpoints/guards'
import { createTestPayload } from '../helpers/payload'
import { createMission } from '../helpers/fixtures'
import { loginOverHttp, startApiServer } from '../helpers/apiServer'

/**
 * Rate limits, body limits and page-size caps over real HTTP. The test plays the load balancer in
 * front of the admin (one trusted hop): the X-Forwarded-For it sends ends with the client's address.
 */
process.env.TRUSTED_PROXY_HOPS = '1'

let payload: Payload
let databaseUrl: string
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
const password = 'correct-horse-battery-1'
let missionId: number

const post = (path: string, body: unknown, ip: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip, ...headers }, body: JSON.stringify(body) })
const messageOf = async (res: Response) => ((await res.json()) as { errors?: { message: string }[] }).errors?.map((e) => e.message).join(' ') ?? ''

beforeAll(async () => {
  ;({ payload, close, databaseUrl } = await createTestPayload())
  const mission = await createMission(payload, 'au-canberra', { name: 'Đại sứ quán' })
  missionId = mission.id
  for (const email of ['target@example.org', 'reset@example.org', 'editor@example.org']) {
    await payload.create({ collection: 'users', data: { email, password, hqRole: 'hq-editor' }, overrideAccess: true })
  }
  api = await startApiServer(payload)
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

describe('login rate limits', () => {
  it('limits login attempts per account, whatever address they come from', async () => {
    const limit = authLimits.login.perAccount.points
    for (let i = 0; i < limit; i++) {
      const res = await post('/api/users/login', { email: 'Target@Example.org', password: `wrong-${i}` }, `198.51.100.${i + 1}`)
      expect(res.status).toBe(401) // wrong password, then Payload's own lockout after maxLoginAttempts
    }
    const blocked = await post('/api/users/login', { email: 'target@example.org', password }, '203.0.113.77')
    expect(blocked.status).toBe(429)
    expect(await messageOf(blocked)).toMatch(/Too many login attempts for this account\. Try again in \d+ minutes/)
  })

  it('limits login attempts per client address, whatever accounts they try', async () => {
    const limit = authLimits.login.perIp.points
    for (let i = 0; i < limit; i++) {
      const res = await post('/api/users/login', { email: `nobody-${i}@example.org`, password: 'guess-guess-guess' }, '192.0.2.10')
      expect(res.status).toBe(401)
    }
    const blocked = await post('/api/users/login', { email: 'editor@example.org', password }, '192.0.2.10')
    expect(blocked.status).toBe(429)
    expect(await messageOf(blocked)).toMatch(/Too many login attempts from your address/)
    // Another address is not affected: the real editor can still log in.
    const other = await post('/api/users/login', { email: 'editor@example.org', password }, '192.0.2.11')
    expect(other.status).toBe(200)
  })

  it('limits password-reset requests per account (no mail bombing)', async () => {
    const limit = authLimits.forgotPassword.perAccount.points
    for (let i = 0; i < limit; i++) {
      expect((await post('/api/users/forgot-password', { email: 'reset@example.org' }, `198.18.0.${i + 1}`)).status).toBe(200)
    }
    const blocked = await post('/api/users/forgot-password', { email: 'reset@example.org' }, '198.18.1.1')
    expect(blocked.status).toBe(429)
    expect(await messageOf(blocked)).toMatch(/Too many password reset requests for this account/)
  })

  it('limits password-reset attempts (token guessing) per client address', async () => {
    const limit = authLimits.resetPassword.perIp.points
    for (let i = 0; i < limit; i++) {
      const res = await post('/api/users/reset-password', { token: `guess-${i}`, password: 'new-password-123' }, '192.0.2.50')
      expect(res.status).not.toBe(429)
      expect(res.status).toBeGreaterThanOrEqual(400)
    }
    const blocked = await post('/api/users/reset-password', { token: 'guess-x', password: 'new-password-123' }, '192.0.2.50')
    expect(blocked.status).toBe(429)
  })
})

describe('request body and page size limits', () => {
  it(`refuses a JSON body over ${MAX_JSON_BODY_BYTES / 1e6} MB with 413 and stores nothing`, async () => {
    const auth = await loginOverHttp(api.url, 'editor@example.org', password)
    const before = (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
    const res = await post('/api/articles', { title: 'x'.repeat(MAX_JSON_BODY_BYTES + 10), section: 'news', missions: [missionId] }, '192.0.2.60', {
      Authorization: auth,
    })
    expect(res.status).toBe(413)
    expect(await messageOf(res)).toMatch(/request body is too large; the limit is 2 MB/)
    expect((await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs).toBe(before)
  })

  it(`never returns more than ${MAX_PAGE_SIZE} documents per request`, async () => {
    for (let i = 0; i < MAX_PAGE_SIZE + 5; i++) {
      await createMission(payload, `m-${i}`, { name: `Cơ quan ${i}`, city: 'X', enabledLocales: ['vi'] })
    }
    for (const query of ['limit=100000', 'limit=0', 'pagination=false']) {
      const res = await fetch(`${api.url}/api/missions?${query}&depth=0`)
      const body = (await res.json()) as { docs: unknown[]; totalDocs: number; hasNextPage: boolean }
      expect(res.status, query).toBe(200)
      expect(body.docs.length, query).toBe(MAX_PAGE_SIZE)
      expect(body.totalDocs).toBe(MAX_PAGE_SIZE + 6)
      expect(body.hasNextPage, query).toBe(true)
    }
    const page = (await (await fetch(`${api.url}/api/missions?limit=20&depth=0`)).json()) as { docs: unknown[] }
    expect(page.docs.length).toBe(20) // ordinary requests are untouched
    // Server code (the site build) still reads everything.
    expect((await payload.find({ collection: 'missions', pagination: false, overrideAccess: true })).docs.length).toBe(MAX_PAGE_SIZE + 6)
  })
})

/**
 * Consumes `points` of a limit from another process, as a second admin instance on the same
 * database would (it shares nothing with this one but PostgreSQL).
 */
async function consumeInAnotherProcess(keyPrefix: string, limit: { points: number; duration: number }, key: string, points: number) {
  const root = path.resolve(import.meta.dirname, '../..')
  const script = `(async () => {
    const { sharedLimiter, closeRateLimits } = await import(${JSON.stringify(path.join(root, 'cms/db/rateLimits.ts'))})
    const url = process.env.DATABASE_URL
    const limiter = sharedLimiter(url, ${JSON.stringify(keyPrefix)}, ${JSON.stringify(limit)})
    const res = await limiter.consume(${JSON.stringify(key)}, ${points}).catch((r) => r)
    console.log(JSON.stringify({ consumed: res.consumedPoints }))
    await closeRateLimits(url)
  })()`
  const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['-e', script], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 120_000,
  })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { consumed: number }
}

describe('limits shared by every admin instance, per real client address', () => {
  it('counts in PostgreSQL: attempts made through another instance count against the same limit', async () => {
    const limit = authLimits.login.perIp
    // Another instance has seen all but two of this address's attempts …
    expect(await consumeInAnotherProcess('login:perIp', limit, '192.0.2.200', limit.points - 2)).toEqual({ consumed: limit.points - 2 })
    // … so this one allows two more, then refuses.
    for (let i = 0; i < 2; i++)
      expect((await post('/api/users/login', { email: `n${i}@example.org`, password: 'guess-guess-1' }, '192.0.2.200')).status).toBe(401)
    const blocked = await post('/api/users/login', { email: 'editor@example.org', password }, '192.0.2.200')
    expect(blocked.status).toBe(429)
    expect(await messageOf(blocked)).toMatch(/Too many login attempts from your address/)
    // And the count lives in the table, not in this process.
    const db = new pg.Client({ connectionString: databaseUrl })
    await db.connect()
    try {
      const { rows } = await db.query<{ points: number }>(`SELECT points FROM rate_limits WHERE key = 'login:perIp:192.0.2.200'`)
      expect(rows[0]?.points).toBe(limit.points + 1)
    } finally {
      await db.end()
    }
  })

  it('a client cannot escape its limit by writing addresses into X-Forwarded-For', async () => {
    const limit = authLimits.login.perIp.points
    // The client sends its own X-Forwarded-For; the load balancer appends the address it saw (192.0.2.201).
    for (let i = 0; i < limit; i++) {
      const res = await post('/api/users/login', { email: `spoof-${i}@example.org`, password: 'guess-guess-1' }, `10.${i}.0.1, 203.0.113.${i + 1}, 192.0.2.201`)
      expect(res.status).toBe(401)
    }
    const blocked = await post('/api/users/login', { email: 'spoof-x@example.org', password: 'guess-guess-1' }, '198.51.100.250, 192.0.2.201')
    expect(blocked.status).toBe(429)
    expect(await messageOf(blocked)).toMatch(/from your address/)
  })

  it('with no trusted proxy (the default), the connection’s address counts and X-Forwarded-For is ignored', async () => {
    process.env.TRUSTED_PROXY_HOPS = '0'
    try {
      const limit = authLimits.resetPassword.perIp.points
      for (let i = 0; i < limit; i++) {
        const res = await post('/api/users/reset-password', { token: `t-${i}`, password: 'new-password-123' }, `198.51.100.${i + 1}`)
        expect(res.status).not.toBe(429)
      }
      // Every attempt came from 127.0.0.1, whatever the header said.
      const blocked = await post('/api/users/reset-password', { token: 't-x', password: 'new-password-123' }, '198.51.100.99')
      expect(blocked.status).toBe(429)
    } finally {
      process.env.TRUSTED_PROXY_HOPS = '1'
    }
  })
})
