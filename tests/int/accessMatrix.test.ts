import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'

/**
 * The access matrix over real HTTP: every role × {create, read, update, delete, publish}
 * × {own mission, other mission} × {assigned locale (en), unassigned locale (vi)}.
 * Allowed → 2xx and the database changed; refused → 401/403/404 and the row is unchanged.
 * The expectations below are written out by hand from the role descriptions (issue #4),
 * not derived from the implementation's tables.
 */
type Action = 'create' | 'read' | 'update' | 'delete' | 'publish'
type Role = 'anonymous' | 'hq-admin' | 'hq-editor' | 'mission-admin' | 'reviewer' | 'press-officer' | 'translator'
const roles: Role[] = ['anonymous', 'hq-admin', 'hq-editor', 'mission-admin', 'reviewer', 'press-officer', 'translator']
const actions: Action[] = ['create', 'read', 'update', 'delete', 'publish']

function expected(role: Role, action: Action, scope: 'own' | 'other', locale: 'en' | 'vi'): boolean {
  switch (role) {
    case 'anonymous':
      return false
    case 'hq-admin':
      return true
    case 'hq-editor':
      return action !== 'delete'
    default:
      if (scope === 'other') return false
      if (role === 'mission-admin') return action !== 'publish'
      if (role === 'reviewer') return action !== 'delete'
      if (role === 'press-officer') return action === 'create' || action === 'read' || action === 'update'
      // translator, assigned to English only
      return action === 'read' || (action === 'update' && locale === 'en')
  }
}

let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
const missions: Record<'own' | 'other', number> = { own: 0, other: 0 }
const tokens = new Map<Role, string>()
const system = { overrideAccess: true } as const
const PASSWORD = 'correct-horse-battery-staple'
let fixture = 0

async function http(role: Role, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  const token = tokens.get(role)
  if (token) headers.Authorization = token
  const res = await fetch(`${api.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

async function draftArticle(scope: 'own' | 'other') {
  fixture++
  const doc = await payload.create({
    collection: 'articles',
    locale: 'vi',
    draft: true,
    data: { title: `Bản nháp ${fixture}`, section: 'news', missions: [missions[scope]], _status: 'draft', workflow: { state: 'in_review' } },
    ...system,
  })
  await payload.update({
    collection: 'articles',
    id: doc.id,
    locale: 'en',
    draft: true,
    data: { title: `Draft ${fixture}`, _status: 'draft', workflow: { state: 'in_review' } },
    ...system,
  })
  return doc.id
}

const snapshot = async (id: number) =>
  JSON.stringify(await payload.findByID({ collection: 'articles', id, locale: 'all', draft: true, depth: 0, disableErrors: true, ...system }))

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  api = await startApiServer(payload)
  for (const [scope, code] of [
    ['own', 'm-own'],
    ['other', 'm-other'],
  ] as const)
    missions[scope] = (await createMission(payload, code)).id
  for (const role of roles.filter((r) => r !== 'anonymous')) {
    const hq = role === 'hq-admin' || role === 'hq-editor'
    const fields = hq ? { hqRole: role } : { memberships: [{ mission: missions.own, role, translationLocales: role === 'translator' ? ['en' as const] : [] }] }
    tokens.set(role, await createUserAndLogin(payload, api.url, `${role}@example.org`, PASSWORD, fields as never))
  }
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

const cases = roles.flatMap((role) =>
  actions.flatMap((action) =>
    (['own', 'other'] as const).flatMap((scope) =>
      (['en', 'vi'] as const).map((locale) => ({ role, action, scope, locale, allowed: expected(role, action, scope, locale) })),
    ),
  ),
)

describe(`article access matrix (${cases.length} cases over HTTP)`, () => {
  it.each(cases)('$role $action $scope mission, locale $locale → allowed: $allowed', async ({ role, action, scope, locale, allowed }) => {
    const refused = (status: number) => [401, 403, 404].includes(status)
    if (action === 'create') {
      const before = (await payload.count({ collection: 'articles', ...system })).totalDocs
      const res = await http(role, 'POST', `/api/articles?locale=${locale}&draft=true`, {
        title: `New ${role} ${scope} ${locale}`,
        section: 'news',
        missions: [missions[scope]],
        _status: 'draft',
      })
      const after = (await payload.count({ collection: 'articles', ...system })).totalDocs
      if (allowed) expect([res.status, after], res.text).toEqual([201, before + 1])
      else expect([refused(res.status), after], res.text).toEqual([true, before])
      return
    }
    const id = await draftArticle(scope)
    const before = await snapshot(id)
    if (action === 'read') {
      const res = await http(role, 'GET', `/api/articles/${id}?draft=true&locale=${locale}`)
      if (allowed) expect(res.status).toBe(200)
      else {
        expect(refused(res.status), res.text).toBe(true)
        expect(res.text).not.toMatch(/Bản nháp|Draft \d/)
      }
      return
    }
    const res =
      action === 'delete'
        ? await http(role, 'DELETE', `/api/articles/${id}`)
        : action === 'update'
          ? await http(role, 'PATCH', `/api/articles/${id}?locale=${locale}&draft=true`, { title: `Changed by ${role}` })
          : await http(role, 'POST', `/api/articles/${id}/workflow`, { locale, action: 'publish' })
    const after = await snapshot(id)
    if (!allowed) {
      expect(refused(res.status), `${res.status} ${res.text}`).toBe(true)
      expect(after).toBe(before)
      return
    }
    expect(res.status, res.text).toBe(200)
    if (action === 'delete') expect(after).toBe('null')
    if (action === 'update') {
      const doc = await payload.findByID({ collection: 'articles', id, locale, draft: true, ...system })
      expect(doc.title).toBe(`Changed by ${role}`)
    }
    if (action === 'publish') {
      const doc = await payload.findByID({ collection: 'articles', id, locale, fallbackLocale: false, ...system })
      expect([doc._status, doc.workflow?.state]).toEqual(['published', 'published'])
      const other = locale === 'en' ? 'vi' : 'en'
      const untouched = await payload.findByID({ collection: 'articles', id, locale: other, fallbackLocale: false, draft: true, ...system })
      expect(untouched.workflow?.state).toBe('in_review')
    }
  })

  afterAll(() => {
    const allowedCount = cases.filter((c) => c.allowed).length
    console.log(`access matrix: ${cases.length} cases (${allowedCount} allowed, ${cases.length - allowedCount} refused), all held`)
  })
})

describe('refusals that must leave nothing behind', () => {
  it('a press officer cannot create an article for another mission, nor with a forged mission id', async () => {
    for (const forged of [[missions.other], [missions.own, missions.other], [999_999]]) {
      const before = (await payload.count({ collection: 'articles', ...system })).totalDocs
      const res = await http('press-officer', 'POST', '/api/articles?draft=true', { title: 'Sneaky', section: 'news', missions: forged, _status: 'draft' })
      expect(res.status, res.text).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect((await payload.count({ collection: 'articles', ...system })).totalDocs).toBe(before)
    }
  })

  it('a press officer cannot move an own article to another mission', async () => {
    const id = await draftArticle('own')
    const before = await snapshot(id)
    const res = await http('press-officer', 'PATCH', `/api/articles/${id}?draft=true`, { missions: [missions.other] })
    expect(res.status).toBe(403)
    expect(res.json.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/mission you do not work for/) })])
    expect(await snapshot(id)).toBe(before)
  })

  it('a translator cannot change fields shared by all languages', async () => {
    const id = await draftArticle('own')
    const before = await snapshot(id)
    const res = await http('translator', 'PATCH', `/api/articles/${id}?locale=en&draft=true`, { section: 'cultural-diplomacy' })
    expect(res.status).toBe(403)
    expect(res.text).toMatch(/shared by all languages: section/)
    expect(await snapshot(id)).toBe(before)
  })

  it('a non-admin cannot grant themselves roles (mass assignment)', async () => {
    const me = await http('press-officer', 'GET', '/api/users/me')
    const id = (me.json.user as { id: number }).id
    const before = JSON.stringify(await payload.findByID({ collection: 'users', id, ...system }))
    for (const body of [{ hqRole: 'hq-admin' }, { memberships: [{ mission: missions.own, role: 'mission-admin' }] }]) {
      const res = await http('press-officer', 'PATCH', `/api/users/${id}`, body)
      expect(res.status, res.text).toBe(403)
    }
    expect(JSON.stringify(await payload.findByID({ collection: 'users', id, ...system }))).toBe(before)
  })

  it('a mission admin creates staff for their mission only, never HQ roles or other missions', async () => {
    const attempt = (email: string, extra: Record<string, unknown>) => http('mission-admin', 'POST', '/api/users', { email, password: PASSWORD, ...extra })
    expect((await attempt('a@example.org', { hqRole: 'hq-editor' })).status).toBe(403)
    expect((await attempt('b@example.org', { memberships: [{ mission: missions.other, role: 'press-officer' }] })).status).toBe(403)
    expect((await attempt('c@example.org', { memberships: [{ mission: missions.own, role: 'mission-admin' }] })).status).toBe(403)
    const ok = await attempt('d@example.org', { memberships: [{ mission: missions.own, role: 'press-officer' }] })
    expect(ok.status, ok.text).toBe(201)
    const users = await payload.find({
      collection: 'users',
      where: { email: { in: ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org'] } },
      ...system,
    })
    expect(users.docs.map((u) => u.email)).toEqual(['d@example.org'])
  })

  it('refuses passwords shorter than 12 characters', async () => {
    const res = await http('hq-admin', 'POST', '/api/users', { email: 'short@example.org', password: 'short-pass' })
    expect(res.status).toBe(400)
    expect(res.text).toMatch(/at least 12 characters/)
    expect((await payload.count({ collection: 'users', where: { email: { equals: 'short@example.org' } }, ...system })).totalDocs).toBe(0)
  })
})

describe('anonymous readers', () => {
  it('get no user data', async () => {
    const res = await http('anonymous', 'GET', '/api/users')
    expect(res.status).toBe(403)
    expect(res.text).not.toContain('@example.org')
  })

  it('get no drafts, not even with ?draft=true', async () => {
    const { id } = await payload.create({
      collection: 'articles',
      locale: 'vi',
      draft: true,
      data: { title: 'Tin mật chưa công bố', section: 'news', missions: [missions.own], _status: 'draft' },
      ...system,
    })
    const published = await payload.create({
      collection: 'articles',
      locale: 'vi',
      data: { title: 'Công khai', section: 'news', missions: [missions.own], _status: 'published', workflow: { state: 'published' } },
      ...system,
    })
    await payload.update({ collection: 'articles', id: published.id, locale: 'vi', draft: true, data: { title: 'Bản nháp sửa đổi chưa duyệt' }, ...system })
    for (const query of ['?draft=true', '?draft=true&locale=all', '?where[_status][equals]=draft&draft=true', '']) {
      const res = await http('anonymous', 'GET', `/api/articles${query}`)
      expect(res.status).toBe(200)
      expect(res.text).not.toMatch(/Tin mật chưa công bố|Bản nháp sửa đổi chưa duyệt/)
      expect((res.json.docs as { id: number }[]).map((d) => d.id)).not.toContain(id)
    }
    expect((await http('anonymous', 'GET', `/api/articles/${id}?draft=true`)).status).toBe(404)
    expect((await http('anonymous', 'GET', '/api/articles/versions')).status).toBe(403)

    const gql = await http('anonymous', 'POST', '/api/graphql', {
      query:
        '{ Users { docs { email } } Articles(draft: true, locale: vi, fallbackLocale: none) { docs { id title _status } } versionsArticles { docs { id } } }',
    })
    expect(gql.status).toBe(200)
    expect(gql.text).not.toMatch(/@example\.org|Tin mật chưa công bố|Bản nháp sửa đổi chưa duyệt/)
    expect(gql.json.data, gql.text).toBeDefined()
    const data = gql.json.data as { Users: null; Articles: { docs: { id: number; _status: string }[] }; versionsArticles: null }
    expect(data.Users).toBeNull()
    expect(data.versionsArticles).toBeNull()
    expect(data.Articles.docs.every((d) => d._status === 'published')).toBe(true)
    expect(data.Articles.docs.map((d) => d.id)).not.toContain(id)
  })
})
