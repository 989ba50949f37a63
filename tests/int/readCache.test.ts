import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import type { Payload } from 'payload'
import type { User } from '#core/payload-types'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'

/**
 * The admin API's read cache (cms/endpoints/readCache.ts) over real HTTP and the embedded
 * Postgres: repeated reads are answered from it, and never with what is no longer true — not
 * after a save over REST, a Local API write of this process, a write by another process (here a
 * second connection, as another admin instance or a worker would), nor while the process cannot
 * hear about changes; one user's answer is never another's.
 */
let payload: Payload
let close: () => Promise<void>
let databaseUrl: string
let api: { url: string; close: () => Promise<void> }
let ownMission: number
let articleId: number
let pressUser: User
const tokens = new Map<string, string>()
const PASSWORD = 'correct-horse-battery-staple'
const system = { overrideAccess: true } as const

type Res = { status: number; json: any; text: string; cache: string | null }
async function http(user: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  const res = await fetch(`${api.url}${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: tokens.get(user)!, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
  const text = await res.text()
  return { status: res.status, text, json: text ? JSON.parse(text) : {}, cache: res.headers.get('x-cache') }
}

async function sql<T extends pg.QueryResultRow>(query: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query<T>(query, values)).rows
  } finally {
    await client.end()
  }
}

/** Reads until `ok` holds (the change feed is asynchronous for other processes' writes). */
async function readUntil(url: string, ok: (r: Res) => boolean, user = 'press'): Promise<Res> {
  let last: Res | undefined
  for (let i = 0; i < 100; i++) {
    last = await http(user, 'GET', url)
    if (ok(last)) return last
    await new Promise((r) => setTimeout(r, 100))
  }
  return last!
}

/** Two reads in a row; the second is a hit once the change feed listens. */
const cachedRead = (url: string, user = 'press') => readUntil(url, (r) => r.cache === 'hit', user)

beforeAll(async () => {
  ;({ payload, close, databaseUrl } = await createTestPayload())
  api = await startApiServer(payload, { readCache: true })
  ownMission = (await createMission(payload, 'cache-own')).id
  const otherMission = (await createMission(payload, 'cache-other')).id
  tokens.set(
    'press',
    await createUserAndLogin(payload, api.url, 'press@cache.example.org', PASSWORD, { memberships: [{ mission: ownMission, role: 'press-officer' }] }),
  )
  tokens.set(
    'stranger',
    await createUserAndLogin(payload, api.url, 'press@other.example.org', PASSWORD, { memberships: [{ mission: otherMission, role: 'press-officer' }] }),
  )
  pressUser = (await payload.find({ collection: 'users', where: { email: { equals: 'press@cache.example.org' } }, depth: 0, ...system })).docs[0] as User
  const created = await http('press', 'POST', '/api/articles?locale=vi&draft=true', { title: 'Bản đầu', section: 'news', missions: [ownMission] })
  expect(created.status, created.text).toBe(201)
  articleId = created.json.doc.id
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

describe('the API read cache', () => {
  it('covers every content table: each has the change trigger after the migrations', async () => {
    expect(await sql('SELECT t FROM mp_tables_without_change_trigger() t')).toEqual([])
    const covered = (await sql<{ t: string }>('SELECT t FROM mp_content_tables() t')).map((r) => r.t)
    expect(covered).toEqual(expect.arrayContaining(['articles', 'articles_locales', '_articles_v', 'media', 'missions', 'users', 'pages']))
    for (const operational of ['payload_jobs', 'rate_limits', 'worker_heartbeats']) expect(covered).not.toContain(operational)
  })

  it('answers a repeated read from the cache, with the same body', async () => {
    const first = await http('press', 'GET', `/api/articles/${articleId}?locale=vi&draft=true`)
    const again = await cachedRead(`/api/articles/${articleId}?locale=vi&draft=true`)
    expect(again.status).toBe(200)
    expect(again.cache).toBe('hit')
    expect(again.json).toEqual(first.json)
    const list = await cachedRead('/api/articles?limit=20&depth=1')
    expect(list.json.docs.map((d: { id: number }) => d.id)).toContain(articleId)
  })

  it('a save over REST is seen by the next read at once', async () => {
    const url = `/api/articles/${articleId}?locale=vi&draft=true`
    await cachedRead(url)
    const saved = await http('press', 'PATCH', url, { title: 'Sửa qua REST' })
    expect(saved.status, saved.text).toBe(200)
    const read = await http('press', 'GET', url)
    expect(read.json.title).toBe('Sửa qua REST')
    expect(read.cache).not.toBe('hit')
  })

  it('a Local API write of this process (a job, an endpoint) is seen by the next read at once', async () => {
    const url = `/api/articles/${articleId}?locale=vi&draft=true`
    await cachedRead(url)
    await payload.update({
      collection: 'articles',
      id: articleId,
      locale: 'vi',
      draft: true,
      data: { title: 'Sửa qua Local API' },
      user: pressUser,
      overrideAccess: false,
    })
    expect((await http('press', 'GET', url)).json.title).toBe('Sửa qua Local API')
  })

  it("another process's committed write reaches the cache through PostgreSQL's notification", async () => {
    const url = `/api/articles/${articleId}?locale=vi`
    const before = await cachedRead(url)
    const updatedAt = '2031-01-02T03:04:05.000Z'
    await sql('UPDATE articles SET updated_at = $1 WHERE id = $2', [updatedAt, articleId])
    const after = await readUntil(url, (r) => r.json.updatedAt === updatedAt)
    expect(before.json.updatedAt).not.toBe(updatedAt)
    expect(after.json.updatedAt).toBe(updatedAt)
  })

  it("one user's cached answer is never served to another: a press officer of another mission gets no article", async () => {
    const url = `/api/articles/${articleId}?locale=vi&draft=true`
    expect((await cachedRead(url)).status).toBe(200)
    const stranger = await http('stranger', 'GET', url)
    expect(stranger.status).toBe(404)
    const strangerList = await http('stranger', 'GET', '/api/articles?limit=20&depth=1')
    expect(strangerList.json.docs.map((d: { id: number }) => d.id)).not.toContain(articleId)
  })

  it('Cache-Control: no-cache goes to Payload', async () => {
    const url = `/api/articles/${articleId}?locale=vi`
    await cachedRead(url)
    expect((await http('press', 'GET', url, undefined, { 'Cache-Control': 'no-cache' })).cache).toBeNull()
  })

  it('while the process cannot hear about changes nothing is served from the cache; after it reconnects, nothing missed is served', async () => {
    const url = `/api/articles/${articleId}?locale=vi`
    await cachedRead(url)
    const [ended] = await sql<{ ok: boolean }>(
      `SELECT bool_or(pg_terminate_backend(pid)) AS ok FROM pg_stat_activity WHERE application_name = 'mission-publisher change feed' AND datname = current_database()`,
    )
    expect(ended!.ok).toBe(true)
    // A write the process cannot be told about while it is disconnected.
    const updatedAt = '2032-05-06T07:08:09.000Z'
    await sql('UPDATE articles SET updated_at = $1 WHERE id = $2', [updatedAt, articleId])
    const during = await http('press', 'GET', url)
    expect(during.cache).not.toBe('hit')
    expect(during.json.updatedAt).toBe(updatedAt)
    // Listening again (it reconnects by itself), the cache works and holds the new value.
    const after = await cachedRead(url)
    expect(after.cache).toBe('hit')
    expect(after.json.updatedAt).toBe(updatedAt)
  })
})
