import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLocalReq, type Payload } from 'payload'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'
import { paragraphs } from '../../cms/seed/lexical'
import { sitesDir } from '#core/paths'
import type { Mission } from '#core/payload-types'
import { missionWithUnsavedSettings } from '../../cms/lib/unsavedMissionSettings'

/**
 * Previews beyond articles, over real HTTP: a page's draft inside its mission's site, and a
 * mission's unsaved settings (what the admin form holds) rendered before anything is saved.
 */
let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
const tokens: Record<string, string> = {}
let own: Mission
let pageId = 0
const password = 'correct-horse-battery-staple'

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  api = await startApiServer(payload)
  own = await createMission(payload, 'pps-own', {
    siteTitle: 'Trang cũ của sứ quán',
    accentColour: '#1f5fa8',
    headerMenu: [{ label: 'Lịch tiếp công dân', kind: 'external', url: 'https://example.org/lich' }],
  })
  const other = await createMission(payload, 'pps-other')
  const as = (mission: Mission, role: string) => ({ memberships: [{ mission: mission.id, role }] }) as never
  tokens.press = await createUserAndLogin(payload, api.url, 'pps-press@example.org', password, as(own, 'press-officer'))
  tokens.stranger = await createUserAndLogin(payload, api.url, 'pps-stranger@example.org', password, as(other, 'press-officer'))
  tokens.admin = await createUserAndLogin(payload, api.url, 'pps-admin@example.org', password, as(own, 'mission-admin'))
  tokens.otherAdmin = await createUserAndLogin(payload, api.url, 'pps-other-admin@example.org', password, as(other, 'mission-admin'))
  const res = await fetch(`${api.url}/api/pages?locale=vi&draft=true`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: tokens.press! },
    body: JSON.stringify({
      title: 'Giới thiệu sứ quán (nháp)',
      summary: 'Chưa đăng',
      body: paragraphs(['Đoạn giới thiệu chưa duyệt.']),
      mission: own.id,
      kind: 'about',
    }),
  })
  expect(res.status).toBe(201)
  pageId = ((await res.json()) as { doc: { id: number } }).doc.id
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

const pagePreview = (who: string | null, locale = 'vi') =>
  fetch(`${api.url}/api/pages/${pageId}/preview?locale=${locale}`, { headers: who ? { Authorization: tokens[who]! } : {} })

describe('page draft preview', () => {
  it('renders the latest draft inside the mission’s published site, marked as a preview and noindex', async () => {
    const res = await pagePreview('press')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const html = await res.text()
    expect(html).toMatch(/<html lang="vi"/)
    expect(html).toContain('<h1>Giới thiệu sứ quán (nháp)</h1>')
    expect(html).toContain('Đoạn giới thiệu chưa duyệt.')
    expect(html).toContain('Bản xem trước của bản nháp chưa đăng')
    expect(html).toContain('<meta name="robots" content="noindex">')
    // Served by the admin, its links point at the mission's site; in-page links stay in the page.
    expect(html).toMatch(/href="https?:\/\/[^"/]+\/pps-own\/vi\/"/)
    expect(html).not.toMatch(/(href|src)="\/pps-own\//)
    expect(html).toContain('href="#main"')
    // The published surroundings: the mission's saved title and header menu.
    expect(html).toContain('Trang cũ của sứ quán')
    expect(html).toContain('Lịch tiếp công dân')
  })

  it('publishes nothing: the page is still a draft and the live site has no page for it', async () => {
    const live = path.join(sitesDir, 'pps-own')
    const files = existsSync(live) ? readdirSync(live, { recursive: true }).map(String) : []
    expect(files.filter((f) => f.includes('gioi-thieu-su-quan'))).toEqual([])
    const anonymous = await fetch(`${api.url}/api/pages/${pageId}?locale=vi`)
    expect(anonymous.status).toBe(404)
  })

  it('is refused to anonymous readers and other missions’ staff, and for a language the page lacks', async () => {
    expect((await pagePreview(null)).status).toBe(401)
    expect((await pagePreview('stranger')).status).toBe(404)
    const missing = await pagePreview('press', 'en')
    expect(missing.status).toBe(409)
    expect(await missing.text()).toContain('no \\"en\\" version')
  })
})

const settingsPreview = (who: string | null, body: unknown, query = 'locale=vi') =>
  fetch(`${api.url}/api/missions/${own.id}/preview?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(who ? { Authorization: tokens[who]! } : {}) },
    body: JSON.stringify(body),
  })

/** The mission as the admin's edit form holds it in `locale` (a REST read of the record). */
async function formData(locale = 'vi'): Promise<Record<string, unknown>> {
  const res = await fetch(`${api.url}/api/missions/${own.id}?locale=${locale}&depth=0`, { headers: { Authorization: tokens.admin! } })
  return (await res.json()) as Record<string, unknown>
}

const jobCount = async () => (await payload.count({ collection: 'payload-jobs', overrideAccess: true })).totalDocs

describe('preview of unsaved mission settings', () => {
  it('renders the changed title, accent colour and header menu, and saves and queues nothing', async () => {
    const jobsBefore = await jobCount()
    const form = {
      ...(await formData()),
      siteTitle: 'Đại sứ quán — tên mới',
      accentColour: '#005a9c',
      headerMenu: [{ label: 'Thông báo lãnh sự mới', kind: 'external', url: 'https://example.org/thong-bao' }],
      code: 'hijacked', // an HQ field: ignored by the preview
    }
    const res = await settingsPreview('admin', form)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<title>[^<]*Đại sứ quán — tên mới<\/title>/)
    expect(html).toContain('<span class="brand-name">Đại sứ quán — tên mới</span>')
    expect(html).toMatch(/<html[^>]*style="--accent: #005a9c"/)
    expect(html).toMatch(/<nav class="wrap mission-nav"[^>]*>.*Thông báo lãnh sự mới/s)
    expect(html).not.toContain('Lịch tiếp công dân')
    expect(html).toContain('<meta name="robots" content="noindex">')
    expect(html).toContain('Bản xem trước')
    // Still the same mission's site: its links carry its code, never the one in the body.
    expect(html).toContain('/pps-own/vi/')
    expect(html).not.toContain('hijacked')

    const stored = await payload.findByID({ collection: 'missions', id: own.id, locale: 'vi', depth: 0, overrideAccess: true })
    expect(stored.code).toBe('pps-own')
    expect(stored.siteTitle).toBe('Trang cũ của sứ quán')
    expect(stored.accentColour).toBe('#1f5fa8')
    expect(stored.headerMenu?.map((l) => l.label)).toEqual(['Lịch tiếp công dân'])
    expect(await jobCount()).toBe(jobsBefore)
  })

  it('reads empty lists as the admin form holds them (a row count of 0) as "no rows", like a save', async () => {
    const form = {
      ...(await formData()),
      siteTitle: 'Tên với danh sách trống',
      headerMenu: 0,
      socialProfiles: 0,
      accreditedCountries: 0,
      consular: { addresses: 0, officeHours: 0, holidays: 0 },
    }
    const res = await settingsPreview('admin', form)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<span class="brand-name">Tên với danh sách trống</span>')
    // The emptied header menu is empty in the preview.
    expect(html).not.toContain('Lịch tiếp công dân')
  })

  it('keeps the other languages as stored: an English preview shows the English form, Vietnamese stays', async () => {
    const res = await settingsPreview('admin', { ...(await formData('en')), siteTitle: 'Embassy — new name' }, 'locale=en')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<html lang="en"/)
    expect(html).toContain('Embassy — new name')
  })

  it('merges the form’s locale into the stored record like a save: other languages’ texts and menus stay', async () => {
    const admin = (await payload.find({ collection: 'users', where: { email: { equals: 'pps-admin@example.org' } }, overrideAccess: true })).docs[0]
    const req = await createLocalReq({ user: { ...admin!, collection: 'users' } as never }, payload)
    const merged = (await missionWithUnsavedSettings(req, own.id, 'en', {
      siteTitle: 'Embassy — new name',
      headerMenu: [{ label: 'Notices', kind: 'external', url: 'https://example.org/n' }],
    })) as Record<string, any>
    expect(merged.siteTitle).toEqual({ vi: 'Trang cũ của sứ quán', en: 'Embassy — new name' })
    expect(merged.headerMenu.vi.map((l: { label: string }) => l.label)).toEqual(['Lịch tiếp công dân'])
    expect(merged.headerMenu.en.map((l: { label: string }) => l.label)).toEqual(['Notices'])
    expect(merged.code).toBe('pps-own')
  })

  it('refuses an accent colour with too little contrast with the save’s 400 and message', async () => {
    const jobsBefore = await jobCount()
    const res = await settingsPreview('admin', { ...(await formData()), accentColour: '#ffcc00' })
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/Accent colour #ffcc00 has a contrast ratio of 1\.\d\d:1 with white; text needs at least 4\.5:1/)
    const stored = await payload.findByID({ collection: 'missions', id: own.id, depth: 0, overrideAccess: true })
    expect(stored.accentColour).toBe('#1f5fa8')
    expect(await jobCount()).toBe(jobsBefore)
  })

  it('refuses other field errors the save refuses too (a menu link without https)', async () => {
    const res = await settingsPreview('admin', { headerMenu: [{ label: 'Lạ', kind: 'external', url: 'http://example.org/' }] })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('must be an https:// address')
  })

  it('is only for users who may update the mission', async () => {
    const body = { siteTitle: 'X' }
    expect((await settingsPreview(null, body)).status).toBe(401)
    expect((await settingsPreview('otherAdmin', body)).status).toBe(403)
    expect((await settingsPreview('press', body)).status).toBe(403)
  })

  it('refuses a body that is not form data and a path outside the site', async () => {
    const notObject = await settingsPreview('admin', ['siteTitle'])
    expect(notObject.status).toBe(400)
    const escape = await settingsPreview('admin', {}, 'locale=vi&path=../../../etc')
    expect(escape.status).toBe(400)
  })
})
