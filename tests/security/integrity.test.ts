import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import type { Payload } from 'payload'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'
import { previewLimit, PREVIEW_CSP } from '../../cms/endpoints/preview'

/**
 * One test per finding of issue #16 (accounts, media, operations, small holes), each written
 * as the attack was tried: over REST with real logins. Each fails on the code before the fix.
 */
// The test plays the load balancer in front of the admin: the X-Forwarded-For it sends ends with the client's address.
process.env.TRUSTED_PROXY_HOPS = '1'

let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
const system = { overrideAccess: true } as const
const PASSWORD = 'correct-horse-battery-staple'
const m = { a: 0, b: 0 }
const auth: Record<string, string> = {}
let image: Buffer

async function http(who: string | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { ...headers }
  if (body !== undefined && !(body instanceof FormData)) h['Content-Type'] = 'application/json'
  if (who) h.Authorization = auth[who]!
  const res = await fetch(`${api.url}${url}`, {
    method,
    headers: h,
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, text, headers: res.headers, json: (text.startsWith('{') ? JSON.parse(text) : {}) as Record<string, unknown> }
}
const login = (email: string, password: string, ip: string) =>
  fetch(`${api.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
    body: JSON.stringify({ email, password }),
  })
const mediaOf = async (mission: number, used: boolean) => {
  const doc = await payload.create({
    collection: 'media',
    locale: 'vi',
    data: { alt: 'Ảnh gốc', missions: [mission] },
    file: { data: image, mimetype: 'image/png', name: 'x.png', size: image.length },
    ...system,
  })
  if (used)
    await payload.create({
      collection: 'articles',
      locale: 'vi',
      data: { title: `Có ảnh ${doc.id}`, section: 'news', missions: [mission], heroImage: doc.id, _status: 'published', workflow: { state: 'published' } },
      context: { skipRebuild: true },
      ...system,
    })
  return doc
}

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  api = await startApiServer(payload)
  image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#884422' } })
    .png()
    .toBuffer()
  m.a = (await createMission(payload, 'i-a')).id
  m.b = (await createMission(payload, 'i-b')).id
  const users: Record<string, object> = {
    hq: { hqRole: 'hq-admin' },
    adminA: { memberships: [{ mission: m.a, role: 'mission-admin' }] },
    pressA: { memberships: [{ mission: m.a, role: 'press-officer' }] },
    translatorA: { memberships: [{ mission: m.a, role: 'translator', translationLocales: ['en'] }] },
  }
  for (const [who, fields] of Object.entries(users))
    auth[who] = await createUserAndLogin(payload, api.url, `${who.toLowerCase()}@example.org`, PASSWORD, fields as never)
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

describe('accounts', () => {
  it('a mission admin cannot take over, strip or delete a user who also belongs to another mission', async () => {
    const both = await payload.create({
      collection: 'users',
      data: {
        email: 'both@example.org',
        password: PASSWORD,
        memberships: [
          { mission: m.a, role: 'press-officer' },
          { mission: m.b, role: 'mission-admin' },
        ],
      } as never,
      ...system,
    })
    const taken = await http('adminA', 'PATCH', `/api/users/${both.id}`, { password: 'taken-over-password-1' })
    expect(taken.status, taken.text).toBe(403)
    expect((await login('both@example.org', 'taken-over-password-1', '198.51.100.1')).status).toBe(401)
    expect((await login('both@example.org', PASSWORD, '198.51.100.1')).status).toBe(200)
    expect((await http('adminA', 'PATCH', `/api/users/${both.id}`, { memberships: [{ mission: m.a, role: 'press-officer' }] })).status).toBe(403)
    expect((await http('adminA', 'DELETE', `/api/users/${both.id}`)).status).toBe(403)
    const after = await payload.findByID({ collection: 'users', id: both.id, depth: 0, ...system })
    expect(after.memberships?.map((x) => x.role)).toEqual(['press-officer', 'mission-admin'])
  })

  it('a mission admin sends a reset instead of setting the password or e-mail of their own staff', async () => {
    const staff = await payload.create({
      collection: 'users',
      data: { email: 'staff@example.org', password: PASSWORD, memberships: [{ mission: m.a, role: 'press-officer' }] } as never,
      ...system,
    })
    const pw = await http('adminA', 'PATCH', `/api/users/${staff.id}`, { password: 'new-password-by-admin' })
    expect([pw.status, pw.text]).toEqual([403, expect.stringMatching(/send a password reset/)])
    expect((await http('adminA', 'PATCH', `/api/users/${staff.id}`, { email: 'attacker@example.org' })).status).toBe(403)
    expect((await http('adminA', 'PATCH', `/api/users/${staff.id}`, { name: 'Renamed' })).status).toBe(200)
    expect((await login('staff@example.org', PASSWORD, '198.51.100.2')).status).toBe(200)
  })

  it('unlocking an account is for HQ admins only (a translator unlocking the HQ admin is refused)', async () => {
    await payload.db.updateOne({
      collection: 'users',
      where: { email: { equals: 'hq@example.org' } },
      data: { lockUntil: new Date(Date.now() + 3_600_000).toISOString(), loginAttempts: 50 },
    })
    const res = await http('translatorA', 'POST', '/api/users/unlock', { email: 'hq@example.org' })
    expect(res.status, res.text).toBe(403)
    const hq = (await payload.find({ collection: 'users', where: { email: { equals: 'hq@example.org' } }, showHiddenFields: true, ...system })).docs[0] as {
      lockUntil?: string
    }
    expect(new Date(hq.lockUntil!).getTime()).toBeGreaterThan(Date.now())
    await payload.db.updateOne({ collection: 'users', where: { email: { equals: 'hq@example.org' } }, data: { lockUntil: null, loginAttempts: 0 } })
  })

  it('a stranger guessing passwords locks out only their own address, not the owner', async () => {
    await payload.create({ collection: 'users', data: { email: 'owner@example.org', password: PASSWORD, hqRole: 'hq-editor' }, ...system })
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) statuses.push((await login('owner@example.org', `wrong-guess-${i}`, '203.0.113.9')).status)
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(statuses.slice(5)).toEqual([429, 429, 429])
    expect((await login('owner@example.org', PASSWORD, '198.51.100.77')).status).toBe(200)
  })

  it('reset-password refuses a password under 12 characters and keeps the old one and the token', async () => {
    await payload.create({ collection: 'users', data: { email: 'reset@example.org', password: PASSWORD, hqRole: 'hq-editor' }, ...system })
    const token = await payload.forgotPassword({ collection: 'users', data: { email: 'reset@example.org' }, disableEmail: true })
    const short = await http(null, 'POST', '/api/users/reset-password', { token, password: 'short-pass1' }, { 'X-Forwarded-For': '198.51.100.90' })
    expect([short.status, short.text]).toEqual([400, expect.stringMatching(/at least 12 characters/)])
    expect((await login('reset@example.org', 'short-pass1', '198.51.100.91')).status).toBe(401)
    expect((await login('reset@example.org', PASSWORD, '198.51.100.91')).status).toBe(200)
    const ok = await http(null, 'POST', '/api/users/reset-password', { token, password: 'a-long-enough-password' }, { 'X-Forwarded-For': '198.51.100.90' })
    expect(ok.status, ok.text).toBe(200)
  })
})

describe('media belong to missions', () => {
  it("a translator of one mission cannot change, replace or delete another mission's image", async () => {
    const img = await mediaOf(m.b, true)
    const before = JSON.stringify(await payload.findByID({ collection: 'media', id: img.id, locale: 'all', ...system }))
    expect((await http('translatorA', 'PATCH', `/api/media/${img.id}?locale=en`, { alt: 'Defaced' })).status).toBe(403)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'other.png')
    form.append('_payload', JSON.stringify({ alt: 'Replaced' }))
    expect((await http('pressA', 'PATCH', `/api/media/${img.id}?locale=vi`, form)).status).toBe(403)
    expect((await http('pressA', 'DELETE', `/api/media/${img.id}`)).status).toBe(403)
    expect(JSON.stringify(await payload.findByID({ collection: 'media', id: img.id, locale: 'all', ...system }))).toBe(before)
  })

  it("replacing or deleting an image a published article uses needs the publish right, even in one's own mission", async () => {
    const img = await mediaOf(m.a, true)
    const res = await http('adminA', 'DELETE', `/api/media/${img.id}`)
    expect([res.status, res.text]).toEqual([403, expect.stringMatching(/needs the publish right/)])
    const unused = await mediaOf(m.a, false)
    expect((await http('pressA', 'PATCH', `/api/media/${unused.id}?locale=vi`, { alt: 'Ảnh mới' })).status).toBe(200)
  })

  it('records the uploader’s missions, and anonymous readers list only files published content uses', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'mine.png')
    form.append('_payload', JSON.stringify({ alt: 'Của tôi' }))
    const up = await http('pressA', 'POST', '/api/media?locale=vi', form)
    expect(up.status, up.text).toBe(201)
    const mine = up.json.doc as { id: number; missions: (number | { id: number })[]; filename: string }
    expect(mine.missions.map((x) => (typeof x === 'object' ? x.id : x))).toEqual([m.a])
    const used = await mediaOf(m.a, true)
    const list = await http(null, 'GET', '/api/media?limit=100&depth=0')
    const ids = (list.json.docs as { id: number }[]).map((d) => d.id)
    expect(ids).toContain(used.id)
    expect(ids).not.toContain(mine.id)
    expect((await http(null, 'GET', `/api/media/${mine.id}`)).status).toBe(404)
    expect((await http(null, 'GET', `/api/media/file/${mine.filename}`)).status).toBeGreaterThanOrEqual(400)
  })

  it('an upload given as url + filename is refused without fetching anything', async () => {
    let hits = 0
    const server = createServer((_req, res) => {
      hits++
      res.writeHead(200, { 'Content-Type': 'image/png' }).end(image)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/x.png`
    const before = (await payload.count({ collection: 'media', ...system })).totalDocs
    const res = await http('pressA', 'POST', '/api/media?locale=vi', { alt: 'Từ URL', url, filename: 'x.png' })
    expect([res.status, res.text]).toEqual([400, expect.stringMatching(/not fetched from a URL/)])
    const gql = await http('pressA', 'POST', '/api/graphql', {
      query: `mutation { createMedia(data: { alt: "GraphQL", url: "${url}", filename: "x.png" }) { id } }`,
    })
    expect(gql.json.errors, gql.text).toBeDefined()
    server.close()
    expect(hits).toBe(0)
    expect((await payload.count({ collection: 'media', ...system })).totalDocs).toBe(before)
  })
})

describe('operational endpoints', () => {
  it('no login runs the jobs queue over HTTP; the queued job stays for the runner', async () => {
    const job = await payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions: [m.a] } })
    for (const who of [null, 'translatorA', 'adminA', 'hq']) {
      expect((await http(who, 'GET', '/api/payload-jobs/run?allQueues=true')).status).toBe(401)
      expect((await http(who, 'GET', '/api/payload-jobs/handle-schedules')).status).toBe(401)
    }
    const after = await payload.findByID({ collection: 'payload-jobs', id: job.id, ...system })
    expect([after.completedAt ?? null, after.processing, after.totalTried]).toEqual([null, false, 0])
  })

  it("a mission admin cannot change the mission's public site URL (a publish right); HQ can", async () => {
    const res = await http('adminA', 'PATCH', `/api/missions/${m.a}?locale=vi`, { siteUrl: 'https://evil.example/' })
    expect([res.status, res.text]).toEqual([403, expect.stringMatching(/Only HQ admins change a mission's siteUrl/)])
    expect((await payload.findByID({ collection: 'missions', id: m.a, ...system })).siteUrl ?? null).toBeNull()
    expect((await http('hq', 'PATCH', `/api/missions/${m.a}?locale=vi`, { siteUrl: 'https://i-a.example/' })).status).toBe(200)
  })

  it('previews are sent with a CSP sandbox and limited per user', async () => {
    const page = await payload.create({
      collection: 'pages',
      locale: 'vi',
      draft: true,
      data: { title: 'Chỉ tiếng Việt', mission: m.a, kind: 'other', _status: 'draft' },
      ...system,
    })
    const statuses: number[] = []
    for (let i = 0; i < previewLimit.points; i++) {
      const res = await http('pressA', 'GET', `/api/pages/${page.id}/preview?locale=en`)
      expect(res.headers.get('content-security-policy')).toBe(PREVIEW_CSP)
      statuses.push(res.status)
    }
    expect(new Set(statuses)).toEqual(new Set([409]))
    const limited = await http('pressA', 'GET', `/api/pages/${page.id}/preview?locale=en`)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another user is not affected.
    expect((await http('adminA', 'GET', `/api/pages/${page.id}/preview?locale=en`)).status).toBe(409)
  })
})

describe('ids that cannot be read are a 400, never skipped', () => {
  it.each(['+', ' ', 'abc'])('mission id written with "%s" in an article, a media upload, a membership and an alert', async (mark) => {
    const forged = mark === 'abc' ? `${m.b}abc` : `${mark}${m.b}`
    const counts = async () =>
      Promise.all((['articles', 'media', 'users', 'alerts'] as const).map(async (collection) => (await payload.count({ collection, ...system })).totalDocs))
    const before = await counts()
    const article = await http('pressA', 'POST', '/api/articles?locale=vi&draft=true', {
      title: 'Lén lút',
      section: 'news',
      missions: [m.a, forged],
      _status: 'draft',
    })
    expect(article.status, article.text).toBe(400)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'f.png')
    form.append('_payload', JSON.stringify({ alt: 'x', missions: [m.a, forged] }))
    expect((await http('pressA', 'POST', '/api/media?locale=vi', form)).status).toBe(400)
    const user = await http('adminA', 'POST', '/api/users', {
      email: `forged${mark.trim()}@example.org`,
      password: PASSWORD,
      memberships: [{ mission: `${mark === 'abc' ? m.a : mark}${mark === 'abc' ? 'abc' : m.a}`, role: 'press-officer' }],
    })
    expect(user.status, user.text).toBe(400)
    expect(await counts()).toEqual(before)
  })
})
