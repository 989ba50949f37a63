import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'
import { buildSites } from '../../pipeline/buildSites'
import { paragraphs } from '../../cms/seed/lexical'
import { parseScheduleTime } from '../../cms/workflow/transition'

/** The editorial workflow per article and locale, driven over HTTP as the admin and scripts do. */
let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
let missionId: number
const system = { overrideAccess: true } as const
const PASSWORD = 'correct-horse-battery-staple'
const tokens = new Map<string, string>()
const sitesDir = mkdtempSync(path.join(os.tmpdir(), 'mp-wf-sites-'))

type Res = { status: number; json: any; text: string }
async function http(user: string | null, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  const h: Record<string, string> = { 'Content-Type': 'application/json', ...headers }
  if (user) h.Authorization = tokens.get(user)!
  const res = await fetch(`${api.url}${url}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, text, json: text ? JSON.parse(text) : {} }
}
const act = (user: string, id: number, body: Record<string, unknown>) => http(user, 'POST', `/api/articles/${id}/workflow`, body)
const view = async (user: string, id: number) => (await http(user, 'GET', `/api/articles/${id}/workflow`)).json

async function bilingualArticle(user: string, title = 'Tuần lễ Việt Nam') {
  const vi = await http(user, 'POST', '/api/articles?locale=vi&draft=true', {
    title,
    summary: 'Tóm tắt',
    body: paragraphs(['Nội dung gốc.']),
    section: 'news',
    missions: [missionId],
  })
  expect(vi.status, vi.text).toBe(201)
  const id = vi.json.doc.id as number
  const en = await http(user, 'PATCH', `/api/articles/${id}?locale=en&draft=true`, {
    title: `${title} (EN)`,
    summary: 'Summary',
    body: paragraphs(['Original content.']),
  })
  expect(en.status, en.text).toBe(200)
  return id
}
const live = (id: number, locale: 'vi' | 'en') => payload.findByID({ collection: 'articles', id, locale, fallbackLocale: false, ...system })

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  api = await startApiServer(payload)
  missionId = (await createMission(payload, 'wf-mission')).id
  const accounts: [string, Record<string, unknown>][] = [
    ['press', { memberships: [{ mission: missionId, role: 'press-officer' }] }],
    ['reviewer', { memberships: [{ mission: missionId, role: 'reviewer' }] }],
    ['reviewer2', { memberships: [{ mission: missionId, role: 'reviewer' }] }],
    ['translator', { memberships: [{ mission: missionId, role: 'translator', translationLocales: ['en'] }] }],
    ['hq', { hqRole: 'hq-editor' }],
  ]
  for (const [name, extra] of accounts) tokens.set(name, await createUserAndLogin(payload, api.url, `${name}@example.org`, PASSWORD, extra))
})

afterAll(async () => {
  await api?.close()
  await close?.()
})

describe('the path of an article through review (issue #5 must-show)', () => {
  it('submit → own publish refused → reviewer publishes vi only → site has vi, not en → vi edit makes en outdated', async () => {
    const id = await bilingualArticle('press')
    const submitted = await act('press', id, { locale: 'vi', action: 'submit' })
    expect(submitted.status, submitted.text).toBe(200)
    expect(submitted.json.locales.vi.state).toBe('in_review')
    expect(submitted.json.locales.en.state).toBe('draft')

    const own = await act('press', id, { locale: 'vi', action: 'publish' })
    expect(own.status).toBe(403)
    expect((await view('press', id)).locales.vi.state).toBe('in_review')

    const published = await act('reviewer', id, { locale: 'vi', action: 'publish' })
    expect(published.status, published.text).toBe(200)
    expect(published.json.locales.vi).toMatchObject({ state: 'published', live: 'published' })
    expect(published.json.locales.en).toMatchObject({ state: 'draft', live: null })

    await buildSites({ payload, missions: ['wf-mission'], sitesDir, log: () => {} })
    expect(existsSync(path.join(sitesDir, 'wf-mission', 'vi', 'tin-tuc', 'tuan-le-viet-nam', 'index.html'))).toBe(true)
    expect(existsSync(path.join(sitesDir, 'wf-mission', 'en', 'news', 'tuan-le-viet-nam-en', 'index.html'))).toBe(false)

    expect((await view('press', id)).locales.en.outdated).toBe(false)
    const edit = await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { body: paragraphs(['Nội dung đã sửa.']) })
    expect(edit.status, edit.text).toBe(200)
    const after = await view('press', id)
    expect(after.locales.en.outdated).toBe(true)
    expect(after.locales.en.sourceDiff).toEqual([
      {
        field: 'body',
        changes: [
          { op: 'same', text: 'Nội dung ' },
          { op: 'removed', text: 'gốc' },
          { op: 'added', text: 'đã sửa' },
          { op: 'same', text: '.' },
        ],
      },
    ])
    // The edit sent vi back to draft for review, while the published copy stays live.
    expect(after.locales.vi).toMatchObject({ state: 'draft', live: 'published' })
    expect((await live(id, 'vi')).body).toEqual(paragraphs(['Nội dung gốc.']))

    // A translator updating en clears the flag; so does a reviewer confirming it.
    const translated = await http('translator', 'PATCH', `/api/articles/${id}?locale=en&draft=true`, { body: paragraphs(['Edited content.']) })
    expect(translated.status, translated.text).toBe(200)
    expect((await view('press', id)).locales.en.outdated).toBe(false)
  })
})

describe('locale isolation (payloadcms/payload #7211, #9704, #14672)', () => {
  it('publishing en neither publishes nor changes the live vi', async () => {
    const id = await bilingualArticle('press', 'Cô lập ngôn ngữ')
    await act('press', id, { locale: 'vi', action: 'submit' })
    await act('reviewer', id, { locale: 'vi', action: 'publish' })
    // A new vi revision is in progress (draft), then en is published.
    await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { title: 'Bản sửa vi chưa duyệt' })
    await act('translator', id, { locale: 'en', action: 'submit' })
    expect((await act('reviewer', id, { locale: 'en', action: 'publish' })).status).toBe(200)
    expect((await live(id, 'vi')).title).toBe('Cô lập ngôn ngữ')
    expect((await live(id, 'en')).title).toBe('Cô lập ngôn ngữ (EN)')
  })

  it('publishing vi never publishes an en that was not approved', async () => {
    const id = await bilingualArticle('press', 'Chỉ tiếng Việt được đăng')
    await act('press', id, { locale: 'vi', action: 'submit' })
    await act('reviewer', id, { locale: 'vi', action: 'publish' })
    const en = await live(id, 'en')
    expect(en.workflow?.state ?? 'draft').not.toBe('published')
    const anonymous = await http(null, 'GET', `/api/articles/${id}?locale=en&fallback-locale=none`)
    expect(anonymous.status).toBe(404)
  })

  it('unpublishing en leaves vi online', async () => {
    const id = await bilingualArticle('press', 'Gỡ bản tiếng Anh')
    for (const locale of ['vi', 'en']) {
      await act(locale === 'en' ? 'translator' : 'press', id, { locale, action: 'submit' })
      expect((await act('reviewer', id, { locale, action: 'publish' })).status).toBe(200)
    }
    expect((await act('reviewer', id, { locale: 'en', action: 'unpublish' })).status).toBe(200)
    const v = await view('press', id)
    expect([v.locales.vi.live, v.locales.en.live]).toEqual(['published', null])
    expect((await http(null, 'GET', `/api/articles/${id}?locale=vi&fallback-locale=none`)).status).toBe(200)
    expect((await http(null, 'GET', `/api/articles/${id}?locale=en&fallback-locale=none`)).status).toBe(404)
  })

  it('a direct PATCH with _status "published" (or a duplicate) cannot publish around the workflow', async () => {
    const id = await bilingualArticle('press', 'Không đi tắt')
    const direct = await http('reviewer', 'PATCH', `/api/articles/${id}?locale=vi`, { _status: 'published' })
    expect(direct.status).toBe(403)
    expect(direct.text).toMatch(/Publish through the workflow/)
    expect((await view('press', id)).locales.vi.live).toBeNull()

    await act('press', id, { locale: 'vi', action: 'submit' })
    await act('reviewer', id, { locale: 'vi', action: 'publish' })
    const copy = await http('press', 'POST', `/api/articles/${id}/duplicate?locale=vi`, {})
    expect(copy.status, copy.text).toBe(200)
    const copyId = copy.json.doc.id
    expect(copy.json.doc.slug).toBe('khong-di-tat-copy')
    expect((await view('press', copyId)).locales.vi).toMatchObject({ state: 'draft', live: null })
    expect((await http(null, 'GET', `/api/articles/${copyId}?locale=vi`)).status).toBe(404)
  })
})

describe('second eyes and force-publishing', () => {
  it('the submitter cannot approve or publish; another reviewer can', async () => {
    const id = await bilingualArticle('reviewer', 'Hai người duyệt')
    await act('reviewer', id, { locale: 'vi', action: 'submit' })
    for (const action of ['approve', 'publish', 'schedule']) {
      const res = await act('reviewer', id, { locale: 'vi', action, at: new Date(Date.now() + 3_600_000).toISOString() })
      expect(res.status).toBe(403)
      expect(res.text).toMatch(/Second eyes/)
    }
    expect((await act('reviewer2', id, { locale: 'vi', action: 'approve' })).status).toBe(200)
    expect((await act('reviewer2', id, { locale: 'vi', action: 'publish' })).json.locales.vi.live).toBe('published')
  })

  it('HQ may force-publish a draft with a reason; it is flagged for review', async () => {
    const id = await bilingualArticle('press', 'Đăng khẩn')
    const refused = await act('press', id, { locale: 'vi', action: 'publish', force: true, note: 'urgent' })
    expect(refused.status).toBe(403)
    const noReason = await act('hq', id, { locale: 'vi', action: 'publish', force: true })
    expect(noReason.status).toBe(400)
    const forced = await act('hq', id, { locale: 'vi', action: 'publish', force: true, note: 'Consular emergency notice' })
    expect(forced.status, forced.text).toBe(200)
    expect(forced.json.locales.vi).toMatchObject({ live: 'published', forcePublished: true })
    expect(forced.json.history[0]).toMatchObject({ action: 'force_publish', from: 'draft', to: 'published', note: 'Consular emergency notice' })
  })
})

describe('invalid transitions and bad input', () => {
  it('answers 409 with the allowed actions, 400 for bad input, and changes nothing', async () => {
    const id = await bilingualArticle('press', 'Sai thao tác')
    const before = JSON.stringify(await view('press', id))
    const invalid = await act('reviewer', id, { locale: 'vi', action: 'approve' })
    expect(invalid.status).toBe(409)
    expect(invalid.json.allowedActions).toEqual(['submit'])
    expect((await act('press', id, { locale: 'xx', action: 'submit' })).status).toBe(400)
    expect((await act('press', id, { locale: 'vi', action: 'launch' })).status).toBe(400)
    expect((await http(null, 'POST', `/api/articles/${id}/workflow`, { locale: 'vi', action: 'submit' })).status).toBe(401)
    expect(JSON.stringify(await view('press', id))).toBe(before)
  })

  it('refuses withdrawing without a reason, and shows the reason once withdrawn', async () => {
    const id = await bilingualArticle('press', 'Rút bài')
    await act('press', id, { locale: 'vi', action: 'submit' })
    await act('reviewer', id, { locale: 'vi', action: 'publish' })
    expect((await act('reviewer', id, { locale: 'vi', action: 'withdraw' })).status).toBe(400)
    const withdrawn = await act('reviewer', id, { locale: 'vi', action: 'withdraw', note: 'Thông tin đã lỗi thời' })
    expect(withdrawn.json.locales.vi).toMatchObject({ state: 'withdrawn', live: 'withdrawn', withdrawalReason: 'Thông tin đã lỗi thời' })
    expect((await live(id, 'vi')).workflow?.withdrawnAt).toBeTruthy()
  })

  it('refuses the second of two concurrent edits based on the same version (If-Match)', async () => {
    const id = await bilingualArticle('press', 'Sửa đồng thời')
    const read = await http('press', 'GET', `/api/articles/${id}?draft=true&locale=vi`)
    const version = read.json.updatedAt
    const first = await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { summary: 'Bản của người thứ nhất' }, { 'If-Match': version })
    expect(first.status, first.text).toBe(200)
    const second = await http('reviewer', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { summary: 'Bản của người thứ hai' }, { 'If-Match': version })
    expect(second.status).toBe(409)
    expect(second.text).toMatch(/changed by someone else/)
    const now = await payload.findByID({ collection: 'articles', id, locale: 'vi', draft: true, ...system })
    expect(now.summary).toBe('Bản của người thứ nhất')
  })
})

describe('change notes', () => {
  it('a major update needs a public change note; a minor one does not', async () => {
    const id = await bilingualArticle('press', 'Cập nhật lớn')
    await act('press', id, { locale: 'vi', action: 'submit' })
    await act('reviewer', id, { locale: 'vi', action: 'publish' })
    await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { summary: 'Tóm tắt mới', updateKind: 'major' })
    await act('press', id, { locale: 'vi', action: 'submit' })
    const missing = await act('reviewer', id, { locale: 'vi', action: 'publish' })
    expect(missing.status).toBe(400)
    expect(missing.text).toMatch(/change note/)
    await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { changeNote: 'Bổ sung lịch làm việc' })
    await act('press', id, { locale: 'vi', action: 'submit' })
    expect((await act('reviewer', id, { locale: 'vi', action: 'publish' })).status).toBe(200)
    const doc = await live(id, 'vi')
    expect(doc.changeNotes?.map((n) => n.note)).toEqual(['Bổ sung lịch làm việc'])
    expect(doc.summary).toBe('Tóm tắt mới')

    await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { summary: 'Sửa chính tả' })
    await act('press', id, { locale: 'vi', action: 'submit' })
    expect((await act('reviewer', id, { locale: 'vi', action: 'publish' })).status).toBe(200)
    expect((await live(id, 'vi')).changeNotes).toHaveLength(1)
  })
})

describe('scheduling', () => {
  it('reads a time without offset in the mission time zone', () => {
    expect(parseScheduleTime('2026-12-01T09:00', 'Australia/Sydney')?.toISOString()).toBe('2026-11-30T22:00:00.000Z')
    expect(parseScheduleTime('2026-07-01T09:00', 'Australia/Sydney')?.toISOString()).toBe('2026-06-30T23:00:00.000Z')
    expect(parseScheduleTime('2026-12-01T09:00:00Z', 'Australia/Sydney')?.toISOString()).toBe('2026-12-01T09:00:00.000Z')
    expect(parseScheduleTime('next tuesday', 'Australia/Sydney')).toBeNull()
  })

  it('refuses a time in the past', async () => {
    const id = await bilingualArticle('press', 'Hẹn giờ quá khứ')
    await act('press', id, { locale: 'vi', action: 'submit' })
    const res = await act('reviewer', id, { locale: 'vi', action: 'schedule', at: '2020-01-01T09:00' })
    expect(res.status).toBe(400)
    expect(res.text).toMatch(/in the past/)
  })

  it('publishes through the jobs queue once the time has come, including a schedule missed while no runner ran', async () => {
    const id = await bilingualArticle('press', 'Hẹn giờ đăng')
    await act('press', id, { locale: 'vi', action: 'submit' })
    const at = new Date(Date.now() + 1500).toISOString()
    const scheduled = await act('reviewer', id, { locale: 'vi', action: 'schedule', at })
    expect(scheduled.json.locales.vi).toMatchObject({ state: 'scheduled', live: null })
    await payload.jobs.run({ queue: 'workflow' }) // before the time: nothing happens
    expect((await view('press', id)).locales.vi.live).toBeNull()
    await new Promise((r) => setTimeout(r, 2000)) // the "server" was down when the time came
    await payload.jobs.run({ queue: 'workflow' })
    expect((await view('press', id)).locales.vi).toMatchObject({ state: 'published', live: 'published' })
  })
})

describe('audit and rebuilds', () => {
  it('records every transition and edit, and queues a rebuild only when public content changes', async () => {
    const id = await bilingualArticle('press', 'Nhật ký')
    const jobsBefore = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'rebuildSites' } }, ...system })
    await act('press', id, { locale: 'vi', action: 'submit' })
    const afterSubmit = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'rebuildSites' } }, ...system })
    expect(afterSubmit.totalDocs).toBe(jobsBefore.totalDocs)
    await act('reviewer', id, { locale: 'vi', action: 'publish' })
    const jobs = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'rebuildSites' } }, sort: '-createdAt', limit: 1, ...system })
    expect(jobs.totalDocs).toBeGreaterThan(jobsBefore.totalDocs)
    expect(jobs.docs[0]?.input).toEqual({ missions: [missionId] })

    const { history } = await view('reviewer', id)
    expect(history.map((h: { action: string; locale: string }) => `${h.locale}:${h.action}`)).toEqual(['vi:publish', 'vi:submit', 'en:edit', 'vi:create'])
    expect(history[0]).toMatchObject({ from: 'in_review', to: 'published' })
    expect(typeof history[0].user).toBe('number')
  })
})

describe('editorial dashboard', () => {
  it('lists missing and outdated translations, items in review and scheduled items of the user’s missions', async () => {
    const viOnly = await http('press', 'POST', '/api/articles?locale=vi&draft=true', { title: 'Chỉ có bản gốc', section: 'news', missions: [missionId] })
    const inReview = await bilingualArticle('press', 'Đang chờ duyệt')
    await act('press', inReview, { locale: 'en', action: 'submit' })
    const dashboard = await http('reviewer', 'GET', '/api/workflow/dashboard?mission=wf-mission')
    expect(dashboard.status, dashboard.text).toBe(200)
    const has = (list: { id: number; locale: string }[], id: number, locale: string) => list.some((i) => i.id === id && i.locale === locale)
    expect(has(dashboard.json.missingTranslation, viOnly.json.doc.id, 'en')).toBe(true)
    expect(has(dashboard.json.inReview, inReview, 'en')).toBe(true)
    expect(has(dashboard.json.outdated, inReview, 'en')).toBe(false)
    await http('press', 'PATCH', `/api/articles/${inReview}?locale=vi&draft=true`, { title: 'Đang chờ duyệt (sửa)' })
    const after = await http('reviewer', 'GET', '/api/workflow/dashboard?mission=wf-mission')
    expect(has(after.json.outdated, inReview, 'en')).toBe(true)
    expect((await http('reviewer', 'GET', '/api/workflow/dashboard?mission=other')).status).toBe(404)
    expect((await http(null, 'GET', '/api/workflow/dashboard')).status).toBe(401)
  })
})

describe('the built site reflects each state', () => {
  it('published pages are present, unpublished ones gone, withdrawn ones keep a notice but leave listings, feeds and sitemaps', async () => {
    const publish = async (title: string) => {
      const id = await bilingualArticle('press', title)
      await act('press', id, { locale: 'vi', action: 'submit' })
      expect((await act('reviewer', id, { locale: 'vi', action: 'publish' })).status).toBe(200)
      return id
    }
    await publish('Bài còn trên trang')
    const gone = await publish('Bài bị gỡ')
    const withdrawn = await publish('Bài bị rút')
    const updated = await publish('Bài có cập nhật')
    expect((await act('reviewer', gone, { locale: 'vi', action: 'unpublish' })).status).toBe(200)
    expect((await act('reviewer', withdrawn, { locale: 'vi', action: 'withdraw', note: 'Thông tin không còn chính xác.' })).status).toBe(200)
    await http('press', 'PATCH', `/api/articles/${updated}?locale=vi&draft=true`, {
      summary: 'Có lịch mới',
      updateKind: 'major',
      changeNote: 'Bổ sung lịch mới',
    })
    await act('press', updated, { locale: 'vi', action: 'submit' })
    expect((await act('reviewer', updated, { locale: 'vi', action: 'publish' })).status).toBe(200)

    await buildSites({ payload, missions: ['wf-mission'], sitesDir, log: () => {} })
    const { readFileSync } = await import('node:fs')
    const file = (...p: string[]) => path.join(sitesDir, 'wf-mission', 'vi', ...p)
    expect(existsSync(file('tin-tuc', 'bai-con-tren-trang', 'index.html'))).toBe(true)
    expect(existsSync(file('tin-tuc', 'bai-bi-go', 'index.html'))).toBe(false)
    const notice = readFileSync(file('tin-tuc', 'bai-bi-rut', 'index.html'), 'utf8')
    expect(notice).toMatch(/Bài viết này đã được rút lại ngày \d+ tháng \d+, \d{4}\./)
    expect(notice).toContain('Thông tin không còn chính xác.')
    const listing = readFileSync(file('tin-tuc', 'index.html'), 'utf8')
    expect(listing).toContain('Bài còn trên trang')
    expect(listing).not.toContain('Bài bị rút')
    expect(readFileSync(file('rss.xml'), 'utf8')).not.toContain('Bài bị rút')
    const sitemap = readFileSync(path.join(sitesDir, 'wf-mission', 'sitemap-vi.xml'), 'utf8')
    expect(sitemap).toContain('bai-con-tren-trang')
    expect(sitemap).not.toContain('bai-bi-rut')
    expect(readFileSync(file('tin-tuc', 'bai-co-cap-nhat', 'index.html'), 'utf8')).toMatch(/Cập nhật \d+ tháng \d+, \d{4}<\/time>: Bổ sung lịch mới/)
  })

  it('tells readers of a translation when its original was republished since, not for an unpublished edit of it', async () => {
    const { readFileSync } = await import('node:fs')
    const id = await bilingualArticle('press', 'Bản gốc đổi')
    for (const locale of ['vi', 'en'] as const) {
      await act('press', id, { locale, action: 'submit' })
      expect((await act('reviewer', id, { locale, action: 'publish' })).status).toBe(200)
    }
    const page = (locale: 'vi' | 'en', slug: string) =>
      readFileSync(path.join(sitesDir, 'wf-mission', locale, locale === 'vi' ? 'tin-tuc' : 'news', slug, 'index.html'), 'utf8')
    const [viSlug, enSlug] = [(await live(id, 'vi')).slug!, (await live(id, 'en')).slug!]
    const notice = 'original of this article was updated'

    // An edit of the original that is not published yet: the live original is what was translated.
    await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { body: paragraphs(['Nội dung đã sửa.']) })
    await buildSites({ payload, missions: ['wf-mission'], sitesDir, log: () => {} })
    expect(page('en', enSlug)).not.toContain(notice)

    await act('press', id, { locale: 'vi', action: 'submit' })
    expect((await act('reviewer', id, { locale: 'vi', action: 'publish' })).status).toBe(200)
    await buildSites({ payload, missions: ['wf-mission'], sitesDir, log: () => {} })
    expect(page('en', enSlug)).toMatch(
      /The Vietnamese original of this article was updated on \w+ \d+, \d{4}; this translation may not reflect the changes yet\./,
    )
    expect(page('vi', viSlug)).not.toContain('của bài viết đã được cập nhật')
  })
})

describe('publishing needs alt text in the language published', () => {
  it('refuses to publish a locale whose lead image has no alt text in it', async () => {
    const { demoImage } = await import('../../media/seedImages')
    const image = await payload.create({
      collection: 'media',
      locale: 'vi',
      data: { alt: 'Ảnh lễ kỷ niệm' },
      file: { data: await demoImage(3, 400, 300), mimetype: 'image/jpeg', name: 'alt.jpg', size: 0 },
      ...system,
    })
    const id = await bilingualArticle('press', 'Ảnh thiếu mô tả')
    await http('press', 'PATCH', `/api/articles/${id}?locale=vi&draft=true`, { heroImage: image.id })
    await act('press', id, { locale: 'vi', action: 'submit' })
    await act('translator', id, { locale: 'en', action: 'submit' })
    expect((await act('reviewer', id, { locale: 'vi', action: 'publish' })).status).toBe(200)
    const en = await act('reviewer', id, { locale: 'en', action: 'publish' })
    expect(en.status).toBe(400)
    expect(en.json.errors[0].message).toMatch(/no alt text in "en"/)
    expect((await view('press', id)).locales.en.live).toBeNull()
    await payload.update({ collection: 'media', id: image.id, locale: 'en', data: { alt: 'Anniversary ceremony' }, ...system })
    expect((await act('reviewer', id, { locale: 'en', action: 'publish' })).status).toBe(200)
  })
})

describe('scheduling against a fake clock', () => {
  it('judges "in the past" by the clock it is given', async () => {
    const { createLocalReq } = await import('payload')
    const { runTransition } = await import('../../cms/workflow/transition')
    const id = await bilingualArticle('press', 'Đồng hồ giả')
    await act('press', id, { locale: 'vi', action: 'submit' })
    const reviewer = (await payload.find({ collection: 'users', where: { email: { equals: 'reviewer@example.org' } }, ...system })).docs[0]!
    const req = await createLocalReq({ user: { ...reviewer, collection: 'users' } as never }, payload)
    const fakeNow = new Date('2030-01-01T00:00:00Z')
    const past = await runTransition(req, id, { locale: 'vi', action: 'schedule', at: '2029-12-31T23:00:00Z' }, { now: fakeNow })
    expect(past.status).toBe(400)
    const future = await runTransition(req, id, { locale: 'vi', action: 'schedule', at: '2030-01-01T15:00' }, { now: fakeNow })
    expect(future.status, JSON.stringify(future.body)).toBe(200)
    // 15:00 in Canberra (summer time, UTC+11) on 1 January is 04:00 UTC.
    expect((future.body.locales as Record<string, { scheduledAt: string }>).vi.scheduledAt).toBe('2030-01-01T04:00:00.000Z')
  })
})
