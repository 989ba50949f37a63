import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { buildSites } from '../../pipeline/buildSites'
import { paragraphs } from '../../cms/seed/lexical'
import { createTestPayload } from '../helpers/payload'
import { createMission } from '../helpers/fixtures'
import { validationMessages } from '../helpers/errors'

/**
 * The walking skeleton end to end: real Postgres, Payload's Local API, one real Astro
 * build, and assertions on the HTML a reader would get.
 */
let payload: Payload
let close: () => Promise<void>
const sitesDir = mkdtempSync(path.join(os.tmpdir(), 'mp-sites-'))
const system = { overrideAccess: true } as const
let missionId: number
let articleId: number

const read = (...p: string[]) => readFileSync(path.join(sitesDir, 'test-hanoi', ...p), 'utf8')
const allHtml = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? allHtml(path.join(dir, d.name)) : d.name.endsWith('.html') ? [readFileSync(path.join(dir, d.name), 'utf8')] : [],
  )

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  const mission = await createMission(payload, 'test-hanoi', { name: 'Cơ quan thử nghiệm' })
  missionId = mission.id
  await payload.update({ collection: 'missions', id: missionId, locale: 'en', data: { name: 'Test Mission', city: 'Canberra' }, ...system })

  const article = await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: {
      title: 'Đổi mới và hội nhập',
      summary: 'Tóm tắt tiếng Việt',
      body: paragraphs(['Nội dung tiếng Việt.']),
      section: 'news',
      missions: [missionId],
      _status: 'published',
      workflow: { state: 'published' },
    },
    ...system,
  })
  articleId = article.id
  await payload.update({
    collection: 'articles',
    id: articleId,
    locale: 'en',
    data: {
      title: 'Renewal and integration',
      summary: 'English summary',
      body: paragraphs(['English body.']),
      _status: 'published',
      workflow: { state: 'published' },
    },
    ...system,
  })
  await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: { title: 'Chỉ có tiếng Việt', section: 'cultural-diplomacy', missions: [missionId], _status: 'published', workflow: { state: 'published' } },
    ...system,
  })
  await payload.create({
    collection: 'articles',
    locale: 'vi',
    draft: true,
    data: { title: 'Bản nháp bí mật', section: 'news', missions: [missionId], _status: 'draft' },
    ...system,
  })
  await buildSites({ payload, missions: ['test-hanoi'], sitesDir, log: () => {} })
})

afterAll(async () => {
  await close?.()
})

describe('data model', () => {
  it('generates the slug from the title with Vietnamese folding', async () => {
    const vi = await payload.findByID({ collection: 'articles', id: articleId, locale: 'vi', ...system })
    const en = await payload.findByID({ collection: 'articles', id: articleId, locale: 'en', ...system })
    expect(vi.slug).toBe('doi-moi-va-hoi-nhap')
    expect(en.slug).toBe('renewal-and-integration')
  })

  it('refuses a typed duplicate slug in the same mission and locale, naming the other article', async () => {
    const before = await payload.count({ collection: 'articles', ...system })
    const messages = await validationMessages(
      payload.create({
        collection: 'articles',
        locale: 'vi',
        data: {
          title: 'Đổi mới và hội nhập',
          slug: 'doi-moi-va-hoi-nhap',
          section: 'news',
          missions: [missionId],
          _status: 'published',
          workflow: { state: 'published' },
        },
        ...system,
      }),
    )
    expect(messages).toContain(`slug: Slug "doi-moi-va-hoi-nhap" is already used in locale "vi" by article #${articleId} "Đổi mới và hội nhập"`)
    expect((await payload.count({ collection: 'articles', ...system })).totalDocs).toBe(before.totalDocs)
  })

  it('allows the same slug in another mission', async () => {
    const other = await createMission(payload, 'test-other', {
      name: 'Khác',
      kind: 'consulate-general',
      hostCountry: 'JP',
      city: 'Ô-xa-ca',
      timeZone: 'Asia/Tokyo',
    })
    const doc = await payload.create({
      collection: 'articles',
      locale: 'vi',
      data: { title: 'Đổi mới và hội nhập', section: 'news', missions: [other.id] },
      draft: true,
      ...system,
    })
    expect(doc.slug).toBe('doi-moi-va-hoi-nhap')
  })

  it.each(['AU Canberra', 'au canberra', 'Au-Canberra', 'au--canberra'])('rejects mission code %j', async (code) => {
    const messages = await validationMessages(
      payload.create({
        collection: 'missions',
        locale: 'vi',
        data: { code, name: 'X', kind: 'embassy', hostCountry: 'AU', city: 'X', timeZone: 'Australia/Sydney', enabledLocales: ['vi'], defaultLocale: 'vi' },
        ...system,
      }),
    )
    expect(messages).toMatch(/^code: Mission code must be lowercase/)
  })
})

describe('static site of one mission', () => {
  it('has a home page per locale with the right lang', () => {
    expect(read('vi', 'index.html')).toMatch(/<html lang="vi"/)
    expect(read('en', 'index.html')).toMatch(/<html lang="en"/)
  })

  it('renders the article in both locales under translated section slugs', () => {
    const vi = read('vi', 'tin-tuc', 'doi-moi-va-hoi-nhap', 'index.html')
    const en = read('en', 'news', 'renewal-and-integration', 'index.html')
    expect(vi).toContain('<h1>Đổi mới và hội nhập</h1>')
    expect(vi).toContain('Nội dung tiếng Việt.')
    expect(en).toContain('<h1>Renewal and integration</h1>')
    expect(en).toMatch(/<html lang="en"/)
  })

  it('links each article to its translation through the language switcher', () => {
    const vi = read('vi', 'tin-tuc', 'doi-moi-va-hoi-nhap', 'index.html')
    const en = read('en', 'news', 'renewal-and-integration', 'index.html')
    expect(vi).toMatch(/<a href="\/test-hanoi\/en\/news\/renewal-and-integration\/" hreflang="en" lang="en">English<\/a>/)
    expect(en).toMatch(/<a href="\/test-hanoi\/vi\/tin-tuc\/doi-moi-va-hoi-nhap\/" hreflang="vi" lang="vi">Tiếng Việt<\/a>/)
  })

  it('leaves a missing translation out instead of showing Vietnamese under /en/', () => {
    expect(existsSync(path.join(sitesDir, 'test-hanoi', 'vi', 'ngoai-giao-van-hoa', 'chi-co-tieng-viet', 'index.html'))).toBe(true)
    // Only the noindex fallback page under /en/ names it, marked as Vietnamese (see docs/site.md).
    const fallback = read('en', 'cultural-diplomacy', 'vi', 'chi-co-tieng-viet', 'index.html')
    expect(fallback).toContain('<meta name="robots" content="noindex">')
    expect(fallback).toMatch(/<a [^>]*lang="vi"[^>]*>Chỉ có tiếng Việt<\/a>/)
    const en = allHtml(path.join(sitesDir, 'test-hanoi', 'en'))
      .filter((html) => !html.includes('content="noindex"'))
      .join('\n')
    expect(en).not.toContain('Chỉ có tiếng Việt')
  })

  it('never contains a draft', () => {
    const html = allHtml(path.join(sitesDir, 'test-hanoi')).join('\n')
    expect(html).not.toContain('Bản nháp bí mật')
  })
})
