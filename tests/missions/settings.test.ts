import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import type { Payload } from 'payload'
import { createTestPayload } from '../helpers/payload'
import { loginOverHttp, startApiServer } from '../helpers/apiServer'
import { seed } from '../../cms/seed'
import { contrastRatio, validateAccentColour } from '../../cms/fields/contrast'

/**
 * Mission settings over real HTTP on the demo seed: a mission admin shapes their own site
 * within guard rails (contrast, valid images, existing pages), cannot touch HQ-level fields
 * or another mission; alerts refuse overlapping periods and missing default-language text.
 */
let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
const ids: Record<string, number> = {}
const password = randomBytes(12).toString('base64url')
let adminAu: string
let hqAdmin: string
let reviewerEg: string
let alertsDir: string

async function call(auth: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (auth) headers.Authorization = auth
  const res = await fetch(`${api.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, text, json: (text ? JSON.parse(text) : {}) as Record<string, any> }
}

beforeAll(async () => {
  alertsDir = mkdtempSync(path.join(os.tmpdir(), 'mp-alerts-'))
  process.env.MP_ALERTS_DIR = alertsDir
  ;({ payload, close } = await createTestPayload())
  process.env.SEED_PASSWORD = password
  await seed(payload, () => {})
  for (const m of (await payload.find({ collection: 'missions', depth: 0, overrideAccess: true })).docs) ids[m.code] = m.id
  api = await startApiServer(payload)
  adminAu = await loginOverHttp(api.url, 'admin.au-canberra@example.org', password)
  hqAdmin = await loginOverHttp(api.url, 'hq.admin@example.org', password)
  reviewerEg = await loginOverHttp(api.url, 'reviewer.eg-cairo@example.org', password)
})

afterAll(async () => {
  rmSync(alertsDir, { recursive: true, force: true })
  await api?.close()
  await close?.()
})

describe('accent colour', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    expect(validateAccentColour('#767676')).toBe(true)
  })

  it('refuses a low-contrast colour over HTTP, saying which ratio it got, and keeps the old one', async () => {
    const res = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}`, { accentColour: '#ffcc00' })
    expect(res.status).toBe(400)
    expect(res.text).toMatch(/contrast ratio of 1\.\d\d:1 with white; text needs at least 4\.5:1/)
    const stored = await payload.findByID({ collection: 'missions', id: ids['au-canberra']!, overrideAccess: true })
    expect(stored.accentColour).toBe('#1f5fa8')
  })

  it('refuses a value that is not a hex colour', async () => {
    const res = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}`, { accentColour: 'blue' })
    expect(res.status).toBe(400)
    expect(res.text).toContain('must be a hex colour such as #1f5fa8')
  })
})

describe('who may change mission settings', () => {
  it('lets a mission admin change their own site title and colour', async () => {
    const res = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}?locale=en`, {
      siteTitle: 'Embassy of Viet Nam — Canberra',
      accentColour: '#005a9c',
    })
    expect(res.status).toBe(200)
    const stored = await payload.findByID({ collection: 'missions', id: ids['au-canberra']!, locale: 'en', overrideAccess: true })
    expect(stored.siteTitle).toBe('Embassy of Viet Nam — Canberra')
    expect(stored.accentColour).toBe('#005a9c')
  })

  it('does not let a mission admin change HQ-level fields (code, kind, host country)', async () => {
    const res = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}`, { code: 'au-sydney', kind: 'consulate-general', hostCountry: 'NZ' })
    expect(res.status).toBeLessThan(500)
    const stored = await payload.findByID({ collection: 'missions', id: ids['au-canberra']!, overrideAccess: true })
    expect([stored.code, stored.kind, stored.hostCountry]).toEqual(['au-canberra', 'embassy', 'AU'])
  })

  it("does not let a mission admin change another mission's settings", async () => {
    const res = await call(adminAu, 'PATCH', `/api/missions/${ids['jp-osaka']}`, { accentColour: '#000000' })
    expect([403, 404]).toContain(res.status)
    const stored = await payload.findByID({ collection: 'missions', id: ids['jp-osaka']!, overrideAccess: true })
    expect(stored.accentColour).toBe('#a4262c')
  })

  it('lets HQ change the host country', async () => {
    const res = await call(hqAdmin, 'PATCH', `/api/missions/${ids['jp-osaka']}`, { kind: 'embassy' })
    expect(res.status).toBe(200)
    expect((await payload.findByID({ collection: 'missions', id: ids['jp-osaka']!, overrideAccess: true })).kind).toBe('embassy')
  })
})

describe('logo and favicon', () => {
  async function upload(width: number, height: number) {
    const data = await sharp({ create: { width, height, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
    return payload.create({
      collection: 'media',
      locale: 'vi',
      data: { alt: 'logo' },
      file: { data, mimetype: 'image/png', name: `logo-${width}x${height}.png`, size: data.length },
      overrideAccess: true,
    })
  }

  it('refuses a logo that is too small and a favicon that is not square, with the measured size', async () => {
    const tiny = await upload(40, 20)
    const res = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}`, { logo: tiny.id })
    expect(res.status).toBe(400)
    expect(res.text).toContain('The logo is 40 px wide; it must be at least 64 px.')
    const wide = await upload(64, 32)
    const fav = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}`, { favicon: wide.id })
    expect(fav.status).toBe(400)
    expect(fav.text).toContain('The favicon must be square; it is 64×32 px.')
  })

  it('refuses a logo that is not in the media library', async () => {
    const res = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}`, { logo: 987654 })
    expect(res.status).toBe(400)
  })

  it('accepts a valid logo and favicon', async () => {
    const logo = await upload(240, 80)
    const fav = await upload(64, 64)
    const res = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}`, { logo: logo.id, favicon: fav.id })
    expect(res.status).toBe(200)
  })
})

describe('menus', () => {
  it('refuses a menu link to a page that does not exist', async () => {
    const res = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}?locale=en`, { headerMenu: [{ label: 'Gone', kind: 'page', page: 999999 }] })
    expect(res.status).toBe(400)
    expect(res.text).toMatch(/Link \\?"Gone\\?" points to (page #999999, which no longer exists|a page, but no page is chosen)/)
  })

  it('refuses a menu link to another mission’s page', async () => {
    const other = (await payload.find({ collection: 'pages', where: { mission: { equals: ids['jp-osaka'] } }, limit: 1, overrideAccess: true })).docs[0]!
    const res = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}?locale=en`, { headerMenu: [{ label: 'Visa', kind: 'page', page: other.id }] })
    expect(res.status).toBe(400)
    expect(res.text).toContain('belongs to another mission')
  })

  it('refuses to delete a page that a menu links to, naming the menu', async () => {
    const page = await payload.create({
      collection: 'pages',
      locale: 'en',
      data: { title: 'Temporary page', mission: ids['au-canberra']!, kind: 'other', _status: 'published' },
      overrideAccess: true,
      context: { skipRebuild: true },
    })
    const menu = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}?locale=en`, { footerMenu: [{ label: 'Temp', kind: 'page', page: page.id }] })
    expect(menu.status).toBe(200)
    const del = await call(adminAu, 'DELETE', `/api/pages/${page.id}`)
    expect(del.status).toBe(400)
    expect(del.text).toContain(`Page #${page.id} is linked from the footer menu (en) of au-canberra; remove that link first.`)
    expect(await payload.findByID({ collection: 'pages', id: page.id, overrideAccess: true, disableErrors: true })).not.toBeNull()
  })

  it('refuses an external link that is not https', async () => {
    const res = await call(adminAu, 'PATCH', `/api/missions/${ids['au-canberra']}?locale=en`, {
      footerMenu: [{ label: 'Old', kind: 'external', url: 'http://example.org/' }],
    })
    expect(res.status).toBe(400)
    expect(res.text).toContain('must be an https:// address')
  })
})

describe('pages', () => {
  it('are public only in the locales where they are published', async () => {
    const page = await payload.create({
      collection: 'pages',
      locale: 'en',
      data: { title: 'Visa on arrival', mission: ids['au-canberra']!, kind: 'visa', _status: 'published' },
      overrideAccess: true,
      context: { skipRebuild: true },
    })
    await payload.update({
      collection: 'pages',
      id: page.id,
      locale: 'vi',
      data: { title: 'Thị thực tại cửa khẩu' },
      draft: true,
      overrideAccess: true,
      context: { skipRebuild: true },
    })
    const en = await call(null, 'GET', `/api/pages?locale=en&where[id][equals]=${page.id}`)
    const vi = await call(null, 'GET', `/api/pages?locale=vi&where[id][equals]=${page.id}`)
    expect(en.json.docs.map((d: { title: string }) => d.title)).toEqual(['Visa on arrival'])
    expect(vi.json.docs).toEqual([])
  })

  it('need the publish right to go live, through the workflow: a press officer cannot publish, a reviewer can', async () => {
    const press = await loginOverHttp(api.url, 'press.au-canberra@example.org', password)
    const reviewer = await loginOverHttp(api.url, 'reviewer.au-canberra@example.org', password)
    const created = await call(press, 'POST', '/api/pages?locale=en', {
      title: 'Overseas Vietnamese in Perth',
      mission: ids['au-canberra'],
      kind: 'overseas-vietnamese',
      _status: 'published',
    })
    expect(created.status).toBe(403)
    expect(created.text).toContain('needs the publish right')
    const draft = await call(press, 'POST', '/api/pages?locale=en', {
      title: 'Overseas Vietnamese in Perth',
      mission: ids['au-canberra'],
      kind: 'overseas-vietnamese',
    })
    expect(draft.status).toBe(201)
    const direct = await call(reviewer, 'PATCH', `/api/pages/${draft.json.doc.id}?locale=en`, { _status: 'published' })
    expect(direct.status).toBe(403)
    expect(direct.text).toContain('Publish through the workflow')
    expect((await call(press, 'POST', `/api/pages/${draft.json.doc.id}/workflow`, { locale: 'en', action: 'submit' })).status).toBe(200)
    const pub = await call(reviewer, 'POST', `/api/pages/${draft.json.doc.id}/workflow`, { locale: 'en', action: 'publish' })
    expect(pub.status).toBe(200)
    const other = await call(press, 'POST', '/api/pages?locale=en', { title: 'Not mine', mission: ids['jp-osaka'], kind: 'other' })
    expect(other.status).toBe(403)
  })
})

describe('emergency alerts', () => {
  const hour = 3_600_000
  const at = (h: number) => new Date(Date.now() + h * hour).toISOString()

  it('refuse an alert with no text in the site’s default language', async () => {
    const res = await call(reviewerEg, 'POST', '/api/alerts?locale=en', {
      mission: ids['eg-cairo'],
      severity: 'warning',
      text: 'English only',
      startsAt: at(100),
      expiresAt: at(101),
    })
    expect(res.status).toBe(400)
    expect(res.text).toContain("needs its text in the site's default language (vi)")
  })

  it('refuse overlapping periods of the same mission, but not of another mission', async () => {
    const first = await call(reviewerEg, 'POST', '/api/alerts?locale=vi', {
      mission: ids['eg-cairo'],
      severity: 'critical',
      text: 'Bão cát',
      startsAt: at(200),
      expiresAt: at(203),
    })
    expect(first.status).toBe(201)
    const clash = await call(reviewerEg, 'POST', '/api/alerts?locale=vi', {
      mission: ids['eg-cairo'],
      severity: 'warning',
      text: 'Khác',
      startsAt: at(202),
      expiresAt: at(205),
    })
    expect(clash.status).toBe(400)
    expect(clash.text).toContain(`overlaps alert #${first.json.doc.id} of eg-cairo`)
    const elsewhere = await call(hqAdmin, 'POST', '/api/alerts?locale=vi', {
      mission: ids['jp-osaka'],
      severity: 'warning',
      text: 'Động đất',
      startsAt: at(202),
      expiresAt: at(205),
    })
    expect(elsewhere.status).toBe(201)
    const log = await payload.find({ collection: 'alert-log', where: { alert: { equals: first.json.doc.id } }, overrideAccess: true })
    expect(log.docs.map((d) => d.action)).toEqual(['create'])
  })

  it('refuse a reviewer posting for another mission, and an expiry before the start', async () => {
    const other = await call(reviewerEg, 'POST', '/api/alerts?locale=vi', {
      mission: ids['au-canberra'],
      severity: 'info',
      text: 'x',
      startsAt: at(300),
      expiresAt: at(301),
    })
    expect(other.status).toBe(403)
    const backwards = await call(reviewerEg, 'POST', '/api/alerts?locale=vi', {
      mission: ids['eg-cairo'],
      severity: 'info',
      text: 'x',
      startsAt: at(401),
      expiresAt: at(400),
    })
    expect(backwards.status).toBe(400)
    expect(backwards.text).toContain('expires')
  })

  it('are audited on change and deletion, and each change rewrites the mission’s alert file', async () => {
    const created = await call(hqAdmin, 'POST', '/api/alerts?locale=vi', {
      mission: ids['au-canberra'],
      severity: 'info',
      text: 'Nghỉ lễ',
      startsAt: at(600),
      expiresAt: at(601),
    })
    expect(created.status).toBe(201)
    const id = created.json.doc.id as number
    const file = () => JSON.parse(readFileSync(path.join(alertsDir, 'au-canberra.json'), 'utf8')) as { alerts: { id: number; text: Record<string, string> }[] }
    expect(file().alerts.map((a) => a.id)).toContain(id)
    expect((await call(adminAu, 'PATCH', `/api/alerts/${id}?locale=en`, { text: 'Public holiday' })).status).toBe(200)
    expect(file().alerts.find((a) => a.id === id)!.text).toEqual({ vi: 'Nghỉ lễ', en: 'Public holiday' })
    expect((await call(adminAu, 'DELETE', `/api/alerts/${id}`)).status).toBe(200)
    expect(file().alerts.map((a) => a.id)).not.toContain(id)
    const log = await payload.find({ collection: 'alert-log', where: { alert: { equals: id } }, sort: 'createdAt', overrideAccess: true, depth: 0 })
    expect(log.docs.map((d) => d.action)).toEqual(['create', 'update', 'delete'])
    expect(log.docs.slice(0, 2).map((d) => d.locale)).toEqual(['vi', 'en'])
    expect(log.docs.every((d) => d.user != null)).toBe(true)
  })

  it('are not open to press officers or the public', async () => {
    const press = await loginOverHttp(api.url, 'press.eg-cairo@example.org', password)
    expect(
      (await call(press, 'POST', '/api/alerts?locale=vi', { mission: ids['eg-cairo'], severity: 'info', text: 'x', startsAt: at(500), expiresAt: at(501) }))
        .status,
    ).toBe(403)
    expect(
      (await call(null, 'POST', '/api/alerts?locale=vi', { mission: ids['eg-cairo'], severity: 'info', text: 'x', startsAt: at(500), expiresAt: at(501) }))
        .status,
    ).toBe(403)
  })
})

describe('demo seed', () => {
  it('is idempotent: a second run adds no pages or articles and keeps settings the mission admin changed', async () => {
    const count = async () => (await payload.count({ collection: 'pages', overrideAccess: true })).totalDocs
    const pagesBefore = await count()
    const result = await seed(payload, () => {})
    expect(result.articles).toBe(0)
    expect(await count()).toBe(pagesBefore)
    expect((await payload.findByID({ collection: 'missions', id: ids['au-canberra']!, overrideAccess: true })).accentColour).toBe('#005a9c')
  })
})
