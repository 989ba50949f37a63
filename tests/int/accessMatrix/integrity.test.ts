import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import pg from 'pg'
import type { Payload } from 'payload'
import { alertsDir } from '#core/alertFile'
import { createTestPayload } from '../../helpers/payload'
import { startApiServer } from '../../helpers/apiServer'
import { createMission, createUserAndLogin } from '../../helpers/fixtures'

/**
 * The access matrix beyond articles (tests/int/accessMatrix.test.ts): every role × {own, other}
 * mission × {en, vi} for media, users, alerts, deployments, mission settings, version restore,
 * GraphQL mutations, previews and the operational endpoints, over real HTTP.
 * Allowed → 2xx and the database changed. Refused → 401/403/404 (GraphQL: an error and no
 * data) and the database rows involved *and* what anonymous readers get (public REST output,
 * alert files) are byte-for-byte unchanged.
 * The expectations are written out by hand from docs/access.md, not derived from the code.
 */
type Role = 'anonymous' | 'hq-admin' | 'hq-editor' | 'mission-admin' | 'reviewer' | 'press-officer' | 'translator'
type Scope = 'own' | 'other'
type Locale = 'en' | 'vi'
const roles: Role[] = ['anonymous', 'hq-admin', 'hq-editor', 'mission-admin', 'reviewer', 'press-officer', 'translator']
const scopes: Scope[] = ['own', 'other']
const locales: Locale[] = ['en', 'vi']

type Answer = { status: number; text: string; json: Record<string, unknown> }
type Target = Record<string, unknown>
type Spec = {
  area: string
  action: string
  /** Which role × scope × locale combinations this action is checked for (default: all). */
  only?: (role: Role, scope: Scope, locale: Locale) => boolean
  allowed: (role: Role, scope: Scope, locale: Locale) => boolean
  arrange: (scope: Scope, locale: Locale) => Promise<Target>
  act: (role: Role, t: Target, locale: Locale, scope: Scope) => Promise<Answer>
  /** The database rows this action could change, as a string. */
  state: (t: Target) => Promise<string>
  graphql?: boolean
  /** A read: allowed means 200 and nothing changed. */
  read?: boolean
}

let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
let db: pg.Client
const missions: Record<Scope | 'third', { id: number; code: string }> = {
  own: { id: 0, code: 'm-own' },
  other: { id: 0, code: 'm-other' },
  third: { id: 0, code: 'm-third' },
}
const tokens = new Map<Role, string>()
const system = { overrideAccess: true } as const
const PASSWORD = 'correct-horse-battery-staple'
let n = 0
let image: Buffer

const hq = (r: Role) => r === 'hq-admin' || r === 'hq-editor'
const writers = (r: Role) => r === 'mission-admin' || r === 'reviewer' || r === 'press-officer'

async function http(role: Role, method: string, url: string, body?: unknown, extra: Record<string, string> = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...extra }
  if (body !== undefined && !(body instanceof FormData)) headers['Content-Type'] = 'application/json'
  const token = tokens.get(role)
  if (token) headers.Authorization = token
  const res = await fetch(`${api.url}${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  })
  const text = await res.text()
  let json: Record<string, unknown> = {}
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  } catch {
    json = {}
  }
  return { status: res.status, text, json }
}

const gql = (role: Role, query: string) => http(role, 'POST', '/api/graphql', { query })

/** Everything an anonymous reader can get that these actions could change. */
async function publicOutput(): Promise<string> {
  const parts = await Promise.all(
    [
      '/api/media?depth=0&limit=100&sort=id&locale=all',
      '/api/missions?depth=0&locale=all&sort=id',
      '/api/articles?depth=0&locale=all&limit=100&sort=id',
      '/api/pages?depth=0&locale=all&limit=100&sort=id',
    ].map(async (u) => `${u} ${(await http('anonymous', 'GET', u)).text}`),
  )
  for (const m of [missions.own, missions.other]) {
    const file = path.join(alertsDir(), `${m.code}.json`)
    parts.push(existsSync(file) ? readFileSync(file, 'utf8') : 'no alert file')
  }
  return parts.join('\n')
}

const row = async (sql: string, params: unknown[]) => JSON.stringify((await db.query(sql, params)).rows)
const count = async (table: string) => Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n)
const counts = async () => JSON.stringify(await Promise.all(['media', 'users', 'alerts', 'payload_jobs', 'deployments', 'articles', 'pages'].map(count)))
const doc = async (collection: 'media' | 'users' | 'alerts' | 'missions' | 'articles' | 'pages' | 'deployments', id: unknown) =>
  JSON.stringify(await payload.findByID({ collection, id: id as number, locale: 'all', draft: true, depth: 0, disableErrors: true, ...system }))

async function newMedia(scope: Scope, used: boolean) {
  n++
  const m = await payload.create({
    collection: 'media',
    locale: 'vi',
    data: { alt: `Ảnh ${n}`, missions: [missions[scope].id] },
    file: { data: image, mimetype: 'image/png', name: `m${n}.png`, size: image.length },
    ...system,
  })
  await payload.update({ collection: 'media', id: m.id, locale: 'en', data: { alt: `Image ${n}` }, ...system })
  if (used) {
    await payload.create({
      collection: 'articles',
      locale: 'vi',
      data: {
        title: `Bài có ảnh ${n}`,
        section: 'news',
        missions: [missions[scope].id],
        heroImage: m.id,
        _status: 'published',
        workflow: { state: 'published' },
      },
      context: { skipRebuild: true },
      ...system,
    })
  }
  return { id: m.id }
}

async function staffUser(missionIds: number[], role = 'press-officer') {
  n++
  const u = await payload.create({
    collection: 'users',
    data: { email: `target-${n}@example.org`, password: PASSWORD, memberships: missionIds.map((mission) => ({ mission, role })) } as never,
    ...system,
  })
  return { id: u.id, email: u.email }
}
const userRow = (t: Target) => row('SELECT email, hash, salt, name, lock_until, login_attempts FROM users WHERE id = $1', [t.id])

async function newAlert(scope: Scope) {
  n++
  const start = new Date(Date.UTC(2030, 0, 1) + n * 86_400_000)
  const a = await payload.create({
    collection: 'alerts',
    locale: 'vi',
    data: {
      mission: missions[scope].id,
      severity: 'warning',
      text: `Cảnh báo ${n}`,
      startsAt: start.toISOString(),
      expiresAt: new Date(start.getTime() + 3_600_000).toISOString(),
    },
    ...system,
  })
  return { id: a.id, start }
}

async function newDeployment(scope: Scope) {
  const d = await payload.create({
    collection: 'deployments',
    data: { mission: missions[scope].id, trigger: 'test', status: 'succeeded', startedAt: new Date().toISOString(), manifest: { files: {} } },
    ...system,
  })
  return { id: d.id }
}

async function articleVersion(scope: Scope) {
  n++
  const a = await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: { title: `Đã đăng ${n}`, section: 'news', missions: [missions[scope].id], _status: 'published', workflow: { state: 'published' } },
    context: { skipRebuild: true },
    ...system,
  })
  await payload.update({
    collection: 'articles',
    id: a.id,
    locale: 'vi',
    draft: true,
    data: { title: `Bản nháp mới ${n}` },
    context: { skipRebuild: true },
    ...system,
  })
  const versions = await payload.findVersions({ collection: 'articles', where: { parent: { equals: a.id } }, sort: 'createdAt', depth: 0, ...system })
  return { id: a.id, version: versions.docs[0]!.id }
}

async function pageVersion(scope: Scope) {
  n++
  const p = await payload.create({
    collection: 'pages',
    locale: 'vi',
    data: { title: `Trang ${n}`, mission: missions[scope].id, kind: 'other', _status: 'published' },
    context: { skipRebuild: true },
    ...system,
  })
  await payload.update({
    collection: 'pages',
    id: p.id,
    locale: 'vi',
    draft: true,
    data: { title: `Trang nháp ${n}` },
    context: { skipRebuild: true },
    ...system,
  })
  const versions = await payload.findVersions({ collection: 'pages', where: { parent: { equals: p.id } }, sort: 'createdAt', depth: 0, ...system })
  return { id: p.id, version: versions.docs[0]!.id }
}

async function draftPage(scope: Scope) {
  n++
  const p = await payload.create({
    collection: 'pages',
    locale: 'vi',
    draft: true,
    data: { title: `Nháp ${n}`, mission: missions[scope].id, kind: 'other', _status: 'draft' },
    ...system,
  })
  return { id: p.id }
}

async function draftArticle(scope: Scope) {
  n++
  const a = await payload.create({
    collection: 'articles',
    locale: 'vi',
    draft: true,
    data: { title: `Nháp ${n}`, section: 'news', missions: [missions[scope].id], _status: 'draft' },
    ...system,
  })
  return { id: a.id }
}

const upload = (missionId: number, alt: string) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'upload.png')
  form.append('_payload', JSON.stringify({ alt, missions: [missionId] }))
  return form
}

const mediaState = async (t: Target) => `${await doc('media', t.id)} ${await counts()}`
const mediaEdit = (r: Role, s: Scope) => hq(r) || (s === 'own' && writers(r))
const mediaEditUsed = (r: Role, s: Scope) => hq(r) || (s === 'own' && r === 'reviewer')
const alertRight = (r: Role, s: Scope) => hq(r) || (s === 'own' && (r === 'mission-admin' || r === 'reviewer'))
const userAdmin = (r: Role, s: Scope) => r === 'hq-admin' || (s === 'own' && r === 'mission-admin')

const specs: Spec[] = [
  // ── media ──────────────────────────────────────────────────────────────────────────────
  {
    area: 'media',
    action: 'upload for the mission',
    allowed: (r, s) => hq(r) || (s === 'own' && writers(r)),
    arrange: async () => ({}),
    act: (r, _t, l, s) => http(r, 'POST', `/api/media?locale=${l}`, upload(missions[s].id, `Mới ${++n}`)),
    state: async () => counts(),
  },
  {
    area: 'media',
    action: 'read a file no published content uses',
    read: true,
    allowed: (r) => r !== 'anonymous',
    arrange: (s) => newMedia(s, false),
    act: (r, t, l) => http(r, 'GET', `/api/media/${t.id}?locale=${l}&depth=0`),
    state: mediaState,
  },
  {
    area: 'media',
    action: 'edit alt text of an unused file',
    allowed: mediaEdit,
    arrange: (s) => newMedia(s, false),
    act: (r, t, l) => http(r, 'PATCH', `/api/media/${t.id}?locale=${l}`, { alt: `Defaced by ${r}` }),
    state: mediaState,
  },
  {
    area: 'media',
    action: 'edit alt text of a file a published article uses',
    allowed: mediaEditUsed,
    arrange: (s) => newMedia(s, true),
    act: (r, t, l) => http(r, 'PATCH', `/api/media/${t.id}?locale=${l}`, { alt: `Defaced by ${r}` }),
    state: mediaState,
  },
  {
    area: 'media',
    action: 'replace the file of a used image',
    allowed: mediaEditUsed,
    arrange: (s) => newMedia(s, true),
    act: (r, t, l, s) => http(r, 'PATCH', `/api/media/${t.id}?locale=${l}`, upload(missions[s].id, `Replaced by ${r}`)),
    state: mediaState,
  },
  {
    area: 'media',
    action: 'delete an unused file',
    allowed: mediaEdit,
    arrange: (s) => newMedia(s, false),
    act: (r, t) => http(r, 'DELETE', `/api/media/${t.id}`),
    state: mediaState,
  },
  {
    area: 'media',
    action: 'delete a used file',
    allowed: mediaEditUsed,
    arrange: (s) => newMedia(s, true),
    act: (r, t) => http(r, 'DELETE', `/api/media/${t.id}`),
    state: mediaState,
  },
  // ── users ──────────────────────────────────────────────────────────────────────────────
  {
    area: 'users',
    action: "edit a press officer's name",
    allowed: userAdmin,
    arrange: (s) => staffUser([missions[s].id]),
    act: (r, t) => http(r, 'PATCH', `/api/users/${t.id}`, { name: `Renamed by ${r}` }),
    state: userRow,
  },
  {
    area: 'users',
    action: "set a press officer's password",
    allowed: (r) => r === 'hq-admin',
    arrange: (s) => staffUser([missions[s].id]),
    act: (r, t) => http(r, 'PATCH', `/api/users/${t.id}`, { password: 'taken-over-password-1' }),
    state: userRow,
  },
  {
    area: 'users',
    action: "change a press officer's e-mail",
    allowed: (r) => r === 'hq-admin',
    arrange: (s) => staffUser([missions[s].id]),
    act: (r, t) => http(r, 'PATCH', `/api/users/${t.id}`, { email: `taken-${++n}@example.org` }),
    state: userRow,
  },
  {
    area: 'users',
    action: 'edit a user who also works for a third mission',
    allowed: (r) => r === 'hq-admin',
    arrange: (s) => staffUser([missions[s].id, missions.third.id]),
    act: (r, t) => http(r, 'PATCH', `/api/users/${t.id}`, { name: `Stripped by ${r}`, memberships: [] }),
    state: async (t) => `${await userRow(t)} ${await doc('users', t.id)}`,
  },
  {
    area: 'users',
    action: 'delete a press officer',
    allowed: userAdmin,
    arrange: (s) => staffUser([missions[s].id]),
    act: (r, t) => http(r, 'DELETE', `/api/users/${t.id}`),
    state: async (t) => `${await userRow(t)} ${await counts()}`,
  },
  {
    area: 'users',
    action: 'unlock a locked account',
    allowed: (r) => r === 'hq-admin',
    arrange: async (s) => {
      const u = await staffUser([missions[s].id])
      await db.query(`UPDATE users SET lock_until = now() + interval '1 hour', login_attempts = 50 WHERE id = $1`, [u.id])
      return u
    },
    act: (r, t) => http(r, 'POST', '/api/users/unlock', { email: t.email }),
    state: userRow,
  },
  {
    area: 'users',
    action: 'create a press officer for the mission',
    allowed: userAdmin,
    arrange: async () => ({}),
    act: (r, _t, _l, s) =>
      http(r, 'POST', '/api/users', { email: `new-${++n}@example.org`, password: PASSWORD, memberships: [{ mission: missions[s].id, role: 'press-officer' }] }),
    state: async () => counts(),
  },
  {
    area: 'users',
    action: 'grant the mission admin role',
    allowed: (r) => r === 'hq-admin',
    arrange: (s) => staffUser([missions[s].id]),
    act: (r, t, _l, s) => http(r, 'PATCH', `/api/users/${t.id}`, { memberships: [{ mission: missions[s].id, role: 'mission-admin' }] }),
    state: async (t) => doc('users', t.id),
  },
  // ── alerts ─────────────────────────────────────────────────────────────────────────────
  {
    area: 'alerts',
    action: 'post an alert',
    allowed: alertRight,
    arrange: async () => ({}),
    act: (r, _t, l, s) => {
      const start = new Date(Date.UTC(2031, 0, 1) + ++n * 86_400_000)
      return http(r, 'POST', `/api/alerts?locale=vi`, {
        mission: missions[s].id,
        severity: 'critical',
        text: `Alert by ${r} ${l}`,
        startsAt: start.toISOString(),
        expiresAt: new Date(start.getTime() + 3_600_000).toISOString(),
      })
    },
    state: async () => counts(),
  },
  {
    area: 'alerts',
    action: "change an alert's text",
    allowed: alertRight,
    arrange: (s) => newAlert(s),
    act: (r, t, l) => http(r, 'PATCH', `/api/alerts/${t.id}?locale=${l}`, { text: `Changed by ${r}` }),
    state: async (t) => doc('alerts', t.id),
  },
  {
    area: 'alerts',
    action: 'delete an alert',
    allowed: alertRight,
    arrange: (s) => newAlert(s),
    act: (r, t) => http(r, 'DELETE', `/api/alerts/${t.id}`),
    state: async (t) => `${await doc('alerts', t.id)} ${await counts()}`,
  },
  // ── deployments ────────────────────────────────────────────────────────────────────────
  {
    area: 'deployments',
    action: 'redeploy',
    allowed: (r, s) => hq(r) || (s === 'own' && r === 'mission-admin'),
    arrange: (s) => newDeployment(s),
    act: (r, t) => http(r, 'POST', `/api/deployments/${t.id}/redeploy`),
    state: async () => counts(),
  },
  {
    area: 'deployments',
    action: 'roll back to an earlier deployment',
    allowed: (r) => hq(r),
    arrange: (s) => newDeployment(s),
    act: (r, t) => http(r, 'POST', `/api/deployments/${t.id}/rollback`),
    state: async () => counts(),
  },
  {
    area: 'deployments',
    action: 'edit the deployment log',
    allowed: () => false,
    arrange: (s) => newDeployment(s),
    act: (r, t) => http(r, 'PATCH', `/api/deployments/${t.id}`, { status: 'failed', trigger: `forged by ${r}` }),
    state: async (t) => doc('deployments', t.id),
  },
  // ── mission settings ───────────────────────────────────────────────────────────────────
  {
    area: 'missions',
    action: 'change the site title',
    allowed: (r, s) => r === 'hq-admin' || (s === 'own' && r === 'mission-admin'),
    arrange: async (s) => ({ id: missions[s].id }),
    act: (r, t, l) => http(r, 'PATCH', `/api/missions/${t.id}?locale=${l}`, { siteTitle: `Title by ${r} ${++n}` }),
    state: async (t) => doc('missions', t.id),
  },
  {
    area: 'missions',
    action: 'change the public site URL',
    allowed: (r) => r === 'hq-admin',
    arrange: async (s) => ({ id: missions[s].id }),
    act: (r, t, l) => http(r, 'PATCH', `/api/missions/${t.id}?locale=${l}`, { siteUrl: `https://site-${++n}.example/` }),
    state: async (t) => doc('missions', t.id),
  },
  // ── version restore (page restores inside the mission are the workflow's: refusals and HQ here) ─
  {
    area: 'versions',
    action: 'restore a published article version (publishing is the workflow verb only)',
    allowed: () => false,
    arrange: (s) => articleVersion(s),
    act: (r, t, l) => http(r, 'POST', `/api/articles/versions/${t.version}?locale=${l}`),
    state: async (t) => doc('articles', t.id),
  },
  {
    area: 'versions',
    action: 'restore a page version (publishing is the workflow verb only)',
    only: (r, s) => r === 'anonymous' || r === 'hq-admin' || (s === 'other' && !hq(r)),
    allowed: () => false,
    arrange: (s) => pageVersion(s),
    act: (r, t, l) => http(r, 'POST', `/api/pages/versions/${t.version}?locale=${l}`),
    state: async (t) => doc('pages', t.id),
  },
  // ── GraphQL mutations ──────────────────────────────────────────────────────────────────
  {
    area: 'graphql',
    action: 'updateMedia alt of a used image',
    graphql: true,
    allowed: mediaEditUsed,
    arrange: (s) => newMedia(s, true),
    act: (r, t, l) => gql(r, `mutation { updateMedia(id: ${t.id}, locale: ${l}, data: { alt: "GraphQL by ${r}" }) { id } }`),
    state: mediaState,
  },
  {
    area: 'graphql',
    action: 'updateUser password of a press officer',
    graphql: true,
    allowed: (r) => r === 'hq-admin',
    arrange: (s) => staffUser([missions[s].id]),
    act: (r, t) => gql(r, `mutation { updateUser(id: ${t.id}, data: { password: "graphql-takeover-1" }) { id } }`),
    state: userRow,
  },
  {
    area: 'graphql',
    action: 'updateMission siteUrl',
    graphql: true,
    allowed: (r) => r === 'hq-admin',
    arrange: async (s) => ({ id: missions[s].id }),
    act: (r, t, l) => gql(r, `mutation { updateMission(id: ${t.id}, locale: ${l}, data: { siteUrl: "https://gql-${++n}.example/" }) { id } }`),
    state: async (t) => doc('missions', t.id),
  },
  {
    area: 'graphql',
    action: 'updateAlert text',
    graphql: true,
    allowed: alertRight,
    arrange: (s) => newAlert(s),
    act: (r, t, l) => gql(r, `mutation { updateAlert(id: ${t.id}, locale: ${l}, data: { text: "GraphQL by ${r}" }) { id } }`),
    state: async (t) => doc('alerts', t.id),
  },
  // ── previews (refusals; a granted preview is a full draft build, checked in tests/security/integrity.test.ts) ─
  {
    area: 'preview',
    action: 'preview a page draft',
    only: (r, s) => r === 'anonymous' || (s === 'other' && !hq(r)),
    allowed: () => false,
    arrange: (s) => draftPage(s),
    act: (r, t, l) => http(r, 'GET', `/api/pages/${t.id}/preview?locale=${l}`),
    state: async () => counts(),
  },
  {
    area: 'preview',
    action: 'preview an article draft',
    only: (r, s) => r === 'anonymous' || (s === 'other' && !hq(r)),
    allowed: () => false,
    arrange: (s) => draftArticle(s),
    act: (r, t, l) => http(r, 'GET', `/api/articles/${t.id}/preview?locale=${l}`),
    state: async () => counts(),
  },
  {
    area: 'preview',
    action: 'preview unsaved mission settings',
    only: (r, s) => !(r === 'hq-admin' || (s === 'own' && r === 'mission-admin')),
    allowed: () => false,
    arrange: async (s) => ({ id: missions[s].id }),
    act: (r, t, l) => http(r, 'POST', `/api/missions/${t.id}/preview?locale=${l}`, { siteTitle: 'Preview' }),
    state: async (t) => `${await doc('missions', t.id)} ${await counts()}`,
  },
  // ── operational endpoints ──────────────────────────────────────────────────────────────
  {
    area: 'operations',
    action: 'GET /api/payload-jobs/run',
    allowed: () => false,
    arrange: async (s) => {
      await payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions: [missions[s].id] } })
      return {}
    },
    act: (r) => http(r, 'GET', '/api/payload-jobs/run?allQueues=true'),
    state: async () => row(`SELECT id, processing, completed_at, has_error, total_tried FROM payload_jobs ORDER BY id`, []),
  },
  {
    area: 'operations',
    action: 'GET /api/payload-jobs/handle-schedules',
    allowed: () => false,
    arrange: async () => ({}),
    act: (r) => http(r, 'GET', '/api/payload-jobs/handle-schedules?allQueues=true'),
    state: async () => row(`SELECT id, processing, completed_at FROM payload_jobs ORDER BY id`, []),
  },
]

const cases = specs.flatMap((spec) =>
  roles.flatMap((role) =>
    scopes.flatMap((scope) =>
      locales
        .filter((locale) => spec.only?.(role, scope, locale) ?? true)
        .map((locale) => ({
          spec,
          role,
          scope,
          locale,
          allowed: spec.allowed(role, scope, locale),
          name: `${spec.area}: ${role} ${spec.action} (${scope} mission, ${locale})`,
        })),
    ),
  ),
)

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  db = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  api = await startApiServer(payload)
  image = await sharp({ create: { width: 48, height: 32, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
  for (const key of ['own', 'other', 'third'] as const) {
    missions[key].id = (await createMission(payload, missions[key].code)).id
    await payload.update({
      collection: 'missions',
      id: missions[key].id,
      locale: 'en',
      data: { name: missions[key].code, city: 'Canberra' },
      context: { skipRebuild: true },
      ...system,
    })
  }
  for (const role of roles.filter((r) => r !== 'anonymous')) {
    const fields = hq(role)
      ? { hqRole: role }
      : { memberships: [{ mission: missions.own.id, role, translationLocales: role === 'translator' ? ['en' as const] : [] }] }
    tokens.set(role, await createUserAndLogin(payload, api.url, `${role}@example.org`, PASSWORD, fields as never))
  }
})

afterAll(async () => {
  await db?.end()
  await api?.close()
  await close?.()
})

describe(`access matrix beyond articles (${cases.length} cases over HTTP)`, () => {
  it.each(cases)('$name → allowed: $allowed', async ({ spec, role, scope, locale, allowed }) => {
    const target = await spec.arrange(scope, locale)
    const before = await spec.state(target)
    const publicBefore = allowed ? '' : await publicOutput()
    const res = await spec.act(role, target, locale, scope)
    const errors = res.json.errors as unknown[] | undefined
    const data = res.json.data as Record<string, unknown> | null | undefined
    const refused = spec.graphql
      ? res.status < 500 && Boolean(errors?.length) && Object.values(data ?? {}).every((v) => v == null)
      : [401, 403, 404, 409].includes(res.status) // 409: the workflow's refusal (a restore that would publish)
    const after = await spec.state(target)
    if (allowed) {
      expect(res.status, res.text).toBeGreaterThanOrEqual(200)
      expect(res.status, res.text).toBeLessThan(300)
      if (spec.graphql) expect(errors, res.text).toBeUndefined()
      if (spec.read) expect(after).toBe(before)
      else expect(after, 'an allowed action changes the database').not.toBe(before)
    } else {
      expect(refused, `${res.status} ${res.text.slice(0, 400)}`).toBe(true)
      expect(after, 'a refusal leaves the database as it was').toBe(before)
      expect(await publicOutput(), 'a refusal leaves what readers get as it was').toBe(publicBefore)
    }
  })

  afterAll(() => {
    const allowedCount = cases.filter((c) => c.allowed).length
    console.log(
      `access matrix: ${cases.length} cases (${allowedCount} allowed, ${cases.length - allowedCount} refused) — media, users, alerts, deployments, mission settings, version restore, GraphQL, previews, operations`,
    )
  })
})
