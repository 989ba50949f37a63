import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import type { Payload } from 'payload'
import type { User } from '#core/payload-types'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'
import { CLIENT_GONE_STATUS, MAX_CONCURRENT_REQUESTS, queuedRequests } from '../../cms/endpoints/guards'
import { createLogger } from '../../cms/lib/logger'

/**
 * Concurrent saves against the real embedded Postgres, through the REST API (as the admin's
 * edit form and API clients save) and the Local API: no save needs a second pool connection, an
 * exhausted pool answers 503 instead of hanging, nothing is left idle in a transaction, health
 * answers throughout, and a save based on an outdated read is refused with 409.
 *
 * A small pool makes exhaustion reachable: 4 connections, of which the database adapter keeps
 * one for itself, so requests share 3.
 */
process.env.DATABASE_POOL_MAX = '4'

let payload: Payload
let close: () => Promise<void>
let databaseUrl: string
let api: { url: string; close: () => Promise<void> }
let missionId: number
let pressUser: User
const tokens = new Map<string, string>()
const PASSWORD = 'correct-horse-battery-staple'
const system = { overrideAccess: true } as const

type Res = { status: number; json: any; text: string; headers: Headers }
async function http(user: string | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  const h: Record<string, string> = { 'Content-Type': 'application/json', ...headers }
  if (user) h.Authorization = tokens.get(user)!
  const res = await fetch(`${api.url}${url}`, {
    method,
    headers: h,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
  const text = await res.text()
  return { status: res.status, text, json: text ? JSON.parse(text) : {}, headers: res.headers }
}

async function draftArticle(title: string): Promise<number> {
  const res = await http('press', 'POST', '/api/articles?locale=vi&draft=true', { title, section: 'news', missions: [missionId] })
  expect(res.status, res.text).toBe(201)
  return res.json.doc.id as number
}
const draftTitle = async (id: number, locale: 'vi' | 'en' = 'vi') =>
  (await payload.findByID({ collection: 'articles', id, locale, fallbackLocale: false, draft: true, depth: 0, ...system })).title

/** The pool Payload queries through (cms/db/pool.ts). */
const pool = () => (payload.db as unknown as { pool: pg.Pool }).pool

/** Sessions of the test database that sit idle inside an open transaction. */
async function idleInTransaction(): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()`,
    )
    return rows[0]!.n
  } finally {
    await client.end()
  }
}

/** Polls /api/health until stopped; returns the statuses it got. */
function pollHealth() {
  const statuses: number[] = []
  let stopped = false
  const done = (async () => {
    while (!stopped) {
      const res = await fetch(`${api.url}/api/health`, { signal: AbortSignal.timeout(30_000) })
      await res.arrayBuffer()
      statuses.push(res.status)
      await new Promise((r) => setTimeout(r, 50))
    }
  })()
  return { stop: async () => ((stopped = true), await done, statuses) }
}

beforeAll(async () => {
  ;({ payload, close, databaseUrl } = await createTestPayload())
  api = await startApiServer(payload)
  missionId = (await createMission(payload, 'load-mission')).id
  for (const [name, role] of [
    ['press', 'press-officer'],
    ['reviewer', 'reviewer'],
  ] as const) {
    tokens.set(name, await createUserAndLogin(payload, api.url, `${name}@load.example.org`, PASSWORD, { memberships: [{ mission: missionId, role }] }))
  }
  pressUser = (await payload.find({ collection: 'users', where: { email: { equals: 'press@load.example.org' } }, depth: 0, ...system })).docs[0] as User
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

describe('saves and the connection pool', () => {
  it('a save needs one connection: it succeeds with every other connection of the pool taken', async () => {
    const id = await draftArticle('Một kết nối')
    const held = [await pool().connect(), await pool().connect()] // 2 of the 3 left to requests
    try {
      // The admin's edit form saves over REST, which checks the admin's document locks.
      const rest = await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { title: 'Lưu qua REST' })
      expect(rest.status, rest.text).toBe(200)
      const local = await payload.update({
        collection: 'articles',
        id,
        locale: 'vi',
        draft: true,
        data: { title: 'Lưu qua Local API' },
        user: pressUser,
        overrideAccess: false,
        overrideLock: false,
      })
      expect(local.title).toBe('Lưu qua Local API')
    } finally {
      for (const c of held) c.release()
    }
    expect(await draftTitle(id)).toBe('Lưu qua Local API')
  })

  it('40 concurrent saves all complete or fail fast with 503/409; health answers; no session is left idle in a transaction', async () => {
    const ids: number[] = []
    for (let i = 0; i < 40; i++) ids.push(await draftArticle(`Bài ${i}`))
    const health = pollHealth()
    const outcomes = await Promise.all(
      ids.map(async (id, i) => {
        const title = `Lưu đồng thời ${i}`
        if (i % 2 === 0)
          return { id, title, status: (await http(i % 4 === 0 ? 'press' : 'reviewer', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { title })).status }
        try {
          await payload.update({
            collection: 'articles',
            id,
            locale: 'vi',
            draft: true,
            data: { title },
            user: pressUser,
            overrideAccess: false,
            overrideLock: false,
          })
          return { id, title, status: 200 }
        } catch (error) {
          // Payload wraps a failed transaction start in a plain Error; the message says why.
          const e = error as { status?: number; message?: string }
          return { id, title, status: e.status ?? (/database is busy/.test(e.message ?? '') ? 503 : 500) }
        }
      }),
    )
    const healthStatuses = await health.stop()

    for (const o of outcomes) expect([200, 409, 503]).toContain(o.status)
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(0)
    // What was acknowledged is what is stored; what was refused left the article as it was.
    for (const o of outcomes) expect(await draftTitle(o.id)).toBe(o.status === 200 ? o.title : `Bài ${ids.indexOf(o.id)}`)
    expect(healthStatuses.length).toBeGreaterThan(0)
    expect(new Set(healthStatuses)).toEqual(new Set([200]))
    expect(await idleInTransaction()).toBe(0)
  })

  it('a request that finds no free connection in time gets a 503 saying so; health still answers and the pool recovers', async () => {
    const id = await draftArticle('Hết kết nối')
    const held = [await pool().connect(), await pool().connect(), await pool().connect()]
    let busy: Res
    let health: Res
    try {
      ;[busy, health] = await Promise.all([
        http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { title: 'Không được lưu' }),
        http(null, 'GET', '/api/health'),
      ])
    } finally {
      for (const c of held) c.release()
    }
    // Not the 403 or the anonymous view Payload would make of the failed login query.
    expect(busy.status, busy.text).toBe(503)
    expect(busy.json.errors[0].message).toMatch(/database is busy/)
    expect(busy.headers.get('retry-after')).toBeTruthy()
    expect(health.status).toBe(200)
    expect(health.json.database.pool).toMatchObject({ max: 4 })
    expect(await draftTitle(id)).toBe('Hết kết nối')

    const again = await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { title: 'Đã lưu' })
    expect(again.status, again.text).toBe(200)
    expect(await idleInTransaction()).toBe(0)
  })

  it('past MAX_CONCURRENT_REQUESTS at once, the next requests wait briefly, then get a 503 saying the server is busy', async () => {
    // With every connection taken, admitted requests stall on the pool: the queue behind them fills.
    const held = [await pool().connect(), await pool().connect(), await pool().connect()]
    let answers: Res[]
    let health: Res
    try {
      ;[answers, health] = await Promise.all([
        Promise.all(Array.from({ length: MAX_CONCURRENT_REQUESTS + 4 }, () => http('press', 'GET', '/api/articles?limit=5&depth=0'))),
        new Promise<Res>((r) => setTimeout(() => r(http(null, 'GET', '/api/health')), 500)),
      ])
    } finally {
      for (const c of held) c.release()
    }
    const messages = answers.map((a) => `${a.status} ${a.json.errors?.[0]?.message}`)
    expect(messages.filter((m) => /^503 The server is busy/.test(m))).toHaveLength(4)
    expect(messages.filter((m) => /^503 The database is busy/.test(m))).toHaveLength(MAX_CONCURRENT_REQUESTS)
    expect(answers.every((a) => a.headers.get('retry-after'))).toBe(true)
    expect(health.status).toBe(200)
    expect((await http('press', 'GET', '/api/articles?limit=5&depth=0')).status).toBe(200)
  })

  it('a request whose client gave up while it waited its turn leaves the queue at once, and is never worked on', async () => {
    const lines: Record<string, unknown>[] = []
    const logger = createLogger({ format: 'json', level: 'info', destination: { write: (l: string) => void lines.push(JSON.parse(l)) } })
    const watched = await startApiServer(payload, { logger })
    const held = [await pool().connect(), await pool().connect(), await pool().connect()]
    const clients = Array.from({ length: 4 }, () => new AbortController())
    let admitted: Promise<Res[]> | undefined
    try {
      // Every place taken by requests stalled on the pool …
      admitted = Promise.all(
        Array.from({ length: MAX_CONCURRENT_REQUESTS }, () =>
          fetch(`${watched.url}/api/articles?limit=5&depth=0`, { headers: { Authorization: tokens.get('press')! } }).then(async (r) => ({
            status: r.status,
            text: await r.text(),
            json: {},
            headers: r.headers,
          })),
        ),
      )
      // … and four more waiting behind them, whose clients then give up.
      const waiting = clients.map((c) =>
        fetch(`${watched.url}/api/articles?limit=5&depth=0&waiting=1`, { headers: { Authorization: tokens.get('press')! }, signal: c.signal }).catch(
          (e: Error) => e.name,
        ),
      )
      for (let i = 0; i < 200 && queuedRequests() < 4; i++) await new Promise((r) => setTimeout(r, 20))
      expect(queuedRequests()).toBe(4)
      for (const c of clients) c.abort()
      expect(await Promise.all(waiting)).toEqual(['AbortError', 'AbortError', 'AbortError', 'AbortError'])
      for (let i = 0; i < 200 && queuedRequests() > 0; i++) await new Promise((r) => setTimeout(r, 20))
      // Gone from the queue while the places are still taken: nobody will work on them.
      expect(queuedRequests()).toBe(0)
    } finally {
      for (const c of held) c.release()
    }
    await admitted
    await watched.close()
    const dropped = lines.filter((l) => String(l.msg).startsWith('request dropped'))
    expect(dropped).toHaveLength(4)
    expect(dropped.every((l) => l.status === CLIENT_GONE_STATUS)).toBe(true)
    // Not answered "server busy" after the queue's wait: they left when their clients did.
    expect(lines.filter((l) => l.msg === 'request refused: server busy')).toHaveLength(0)
    expect((await http('press', 'GET', '/api/articles?limit=5&depth=0')).status).toBe(200)
  })

  it('keeps the admin’s document locks: a document someone else has open is refused with 423, its holder saves', async () => {
    const id = await draftArticle('Đang được sửa')
    await payload.create({
      collection: 'payload-locked-documents',
      data: { document: { relationTo: 'articles', value: id }, globalSlug: null, user: { relationTo: 'users', value: pressUser.id } },
      ...system,
    })
    const other = await http('reviewer', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { title: 'Người khác' })
    expect(other.status, other.text).toBe(423)
    const holder = await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { title: 'Người giữ khóa' })
    expect(holder.status, holder.text).toBe(200)
    expect(await draftTitle(id)).toBe('Người giữ khóa')
  })
})

describe('concurrent edits of one document (optimistic concurrency on updatedAt)', () => {
  it('of five concurrent saves based on the same version, one applies and the others get 409', async () => {
    const id = await draftArticle('Sửa cùng lúc')
    const version = (await http('press', 'GET', `/api/articles/${id}?locale=vi&draft=true`)).json.updatedAt as string
    const saves = await Promise.all(
      ['A', 'B', 'C', 'D', 'E'].map((v, i) =>
        http(i % 2 ? 'reviewer' : 'press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { title: `Bản ${v}` }, { 'If-Match': `"${version}"` }),
      ),
    )
    expect(saves.map((s) => s.status).sort()).toEqual([200, 409, 409, 409, 409])
    for (const lost of saves.filter((s) => s.status === 409)) expect(lost.json.errors[0].message).toMatch(/changed by someone else.*reload/i)
    expect(await draftTitle(id)).toBe(saves.find((s) => s.status === 200)!.json.doc.title)
  })

  it('the admin form’s save (updatedAt in the data) goes through when current and gets 409 when another save came first', async () => {
    const id = await draftArticle('Biểu mẫu')
    const loaded = (await http('press', 'GET', `/api/articles/${id}?locale=vi&draft=true&depth=0`)).json
    // The same user saving twice in a row, each time with the updatedAt the previous save returned.
    const first = await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true&depth=0`, { ...loaded, title: 'Lần một' })
    expect(first.status, first.text).toBe(200)
    const second = await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true&depth=0`, { ...first.json.doc, title: 'Lần hai' })
    expect(second.status, second.text).toBe(200)
    // A colleague's form, loaded before those two saves.
    const stale = await http('reviewer', 'PATCH', `/api/articles/${id}?locale=vi&draft=true&depth=0`, { ...loaded, title: 'Bản cũ' })
    expect(stale.status, stale.text).toBe(409)
    expect(await draftTitle(id)).toBe('Lần hai')
  })

  it('concurrent saves without a version, in different locales, both apply', async () => {
    const id = await draftArticle('Hai ngôn ngữ')
    const [vi, en] = await Promise.all([
      http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { title: 'Tiêu đề mới' }),
      http('reviewer', 'PATCH', `/api/articles/${id}?locale=en&draft=true`, { title: 'New title' }),
    ])
    expect([vi.status, en.status]).toEqual([200, 200])
    expect(await draftTitle(id, 'vi')).toBe('Tiêu đề mới')
    expect(await draftTitle(id, 'en')).toBe('New title')
  })

  it('refuses a malformed If-Match with 400', async () => {
    const id = await draftArticle('Sai phiên bản')
    const res = await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { title: 'X' }, { 'If-Match': 'yesterday' })
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toMatch(/If-Match/)
  })
})
