import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from 'htmlparser2'
import { findAll, getAttributeValue, textContent } from 'domutils'
import type { Document, Element } from 'domhandler'
import sharp from 'sharp'
import type { Payload } from 'payload'
import { buildDemoSites, builtFiles, fileFor, type DemoSites } from '../helpers/demoSites'
import { paragraphs } from '../../cms/seed/lexical'

/**
 * Every built page of the demo carries a share card (og:image that resolves to a 1200×630
 * JPEG of the site), og:locale, a description, the subscription form and the links to the
 * privacy notice and accessibility statement; articles' NewsArticle always has an image.
 */
let site: DemoSites
let pages: Map<string, Document>
const HEROLESS = 'Thông báo lịch làm việc dịp Tết'

async function addHerolessArticle(payload: Payload) {
  const mission = (await payload.find({ collection: 'missions', where: { code: { equals: 'eg-cairo' } }, overrideAccess: true })).docs[0]!
  await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: {
      title: HEROLESS,
      summary: '',
      body: paragraphs(['Đại sứ quán nghỉ Tết từ ngày 28.']),
      section: 'news',
      missions: [mission.id],
      publishedAt: new Date().toISOString(),
      _status: 'published',
      workflow: { state: 'published' },
    },
    overrideAccess: true,
    context: { skipRebuild: true },
  })
}

let incompleteRefusal = ''
/** jp-osaka writes its own accessibility statement in English; a privacy notice without its required details is refused. */
async function addOwnStatement(payload: Payload) {
  const mission = (await payload.find({ collection: 'missions', where: { code: { equals: 'jp-osaka' } }, overrideAccess: true })).docs[0]!
  const common = { mission: mission.id, _status: 'published' as const, workflow: { state: 'published' as const } }
  try {
    await payload.create({
      collection: 'pages',
      locale: 'en',
      data: { ...common, title: 'Privacy', kind: 'privacy', statement: { contact: 'privacy@example.org' } },
      overrideAccess: true,
      context: { skipRebuild: true },
    })
  } catch (error) {
    incompleteRefusal = error instanceof Error ? JSON.stringify((error as { data?: unknown }).data ?? error.message) : String(error)
  }
  await payload.create({
    collection: 'pages',
    locale: 'en',
    data: {
      ...common,
      title: 'Accessibility statement of the Consulate-General',
      kind: 'accessibility',
      summary: 'How accessible osaka.example is, and whom to tell about a barrier.',
      body: paragraphs(['The visa application form is a PDF that screen readers cannot fill in; ask us for a form by e-mail.']),
      statement: { conformance: 'partial', contact: 'access@example.org', reviewedAt: '2026-11-30T00:00:00.000Z' },
    },
    overrideAccess: true,
    context: { skipRebuild: true },
  })
}

const metas = (doc: Document, key: 'name' | 'property', value: string) =>
  findAll((e: Element) => e.name === 'meta' && getAttributeValue(e, key) === value, doc.children).map((e) => getAttributeValue(e, 'content') ?? '')

beforeAll(async () => {
  site = await buildDemoSites({
    extra: async (payload) => {
      await addHerolessArticle(payload)
      await addOwnStatement(payload)
    },
  })
  pages = new Map(
    builtFiles(site.sitesDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f, parseDocument(readFileSync(path.join(site.sitesDir, f), 'utf8'))]),
  )
})
afterAll(async () => site?.close())

describe('share cards and descriptions on every built page', () => {
  it('builds pages of every kind', () => {
    expect(pages.size).toBeGreaterThan(50)
    for (const kind of ['info/', 'countries/', '/privacy/', 'tim-kiem/', '404.html'])
      expect(
        [...pages.keys()].some((f) => f.includes(kind)),
        kind,
      ).toBe(true)
  })

  it('every page has og:image (an existing 1200×630 image of the site), og:locale and a non-empty description', async () => {
    const missing: string[] = []
    const checked = new Set<string>()
    for (const [file, doc] of pages) {
      const [image] = metas(doc, 'property', 'og:image')
      const [description] = metas(doc, 'name', 'description')
      const [ogLocale] = metas(doc, 'property', 'og:locale')
      if (!image) missing.push(`${file}: og:image`)
      if (!description?.trim()) missing.push(`${file}: description`)
      if (!ogLocale) missing.push(`${file}: og:locale`)
      if (image && !checked.has(image)) {
        checked.add(image)
        const target = fileFor(site.sitesDir, site.baseUrl, image)
        expect(target, `${file}: ${image} is not a built file`).toBeTruthy()
        const meta = await sharp(path.join(site.sitesDir, target!)).metadata()
        expect([meta.width, meta.height, meta.format], image).toEqual([1200, 630, 'jpeg'])
      }
    }
    expect(missing).toEqual([])
  })

  it('a page without a picture gets a generated card; og:locale names the other languages', () => {
    const info = [...pages.keys()].find((f) => f.startsWith('au-canberra/en/info/'))!
    expect(metas(pages.get(info)!, 'property', 'og:image')[0]).toMatch(/\/media\/card-[0-9a-f]{16}\.jpg$/)
    const home = pages.get('eg-cairo/ar/index.html')!
    expect(metas(home, 'property', 'og:locale')).toEqual(['ar_AR'])
    expect(metas(home, 'property', 'og:locale:alternate').sort()).toEqual(['en_GB', 'vi_VN'])
  })

  it('NewsArticle JSON-LD has an image, also without a hero', () => {
    let articles = 0
    for (const [file, doc] of pages) {
      for (const script of findAll((e: Element) => e.name === 'script' && getAttributeValue(e, 'type') === 'application/ld+json', doc.children)) {
        const data = JSON.parse(textContent(script)) as { '@type': string; image?: string[]; headline?: string }
        if (data['@type'] !== 'NewsArticle') continue
        articles++
        expect(data.image?.length, file).toBeGreaterThan(0)
        if (data.headline === HEROLESS) expect(data.image![0]).toMatch(/card-[0-9a-f]{16}\.jpg$/)
      }
    }
    expect(articles).toBeGreaterThan(10)
  })

  it('the lead image loads eagerly with high priority; every other image is lazy', () => {
    let checked = 0
    for (const file of [
      'au-canberra/vi/index.html',
      'jp-osaka/en/index.html',
      ...[...pages.keys()].filter((f) => /^au-canberra\/en\/news\/[^/]+\/index\.html$/.test(f)),
    ]) {
      const imgs = findAll((e: Element) => e.name === 'img' && (e.parent as Element | null)?.name === 'picture', pages.get(file)!.children)
      // The lead picture is the first figure's (card thumbnails have none); it must not wait for layout.
      const lead = imgs.find((img) => (img.parent?.parent as Element | null)?.name === 'figure')
      if (!lead) continue
      checked++
      expect([getAttributeValue(lead, 'loading'), getAttributeValue(lead, 'fetchpriority')], file).toEqual(['eager', 'high'])
      for (const img of imgs.filter((i) => i !== lead)) expect(getAttributeValue(img, 'loading'), file).toBe('lazy')
    }
    expect(checked).toBeGreaterThan(1)
  })

  it('every page’s footer has the subscription form (posting to the CMS) and the privacy and accessibility links', () => {
    for (const [file, doc] of pages) {
      const form = findAll((e: Element) => e.name === 'form' && /\/api\/subscriptions\/subscribe$/.test(getAttributeValue(e, 'action') ?? ''), doc.children)
      expect(form, file).toHaveLength(1)
      expect(getAttributeValue(form[0]!, 'method'), file).toBe('post')
      const footer = findAll((e: Element) => e.name === 'footer', doc.children)[0]!
      const hrefs = findAll((e: Element) => e.name === 'a', footer.children).map((a) => getAttributeValue(a, 'href') ?? '')
      const locale = file.split('/')[1]
      if (file.split('/').length < 3) continue // the language-choice page at the root
      const slugs = locale === 'vi' ? ['chinh-sach-quyen-rieng-tu', 'tuyen-bo-tiep-can'] : ['privacy', 'accessibility']
      for (const slug of slugs)
        expect(
          hrefs.some((h) => h.endsWith(`/${locale}/${slug}/`)),
          `${file} → ${slug}`,
        ).toBe(true)
    }
  })

  it('the privacy notice and accessibility statement exist for every mission in every locale it publishes, saying what subscriptions keep', () => {
    for (const [code, locales] of [
      ['au-canberra', ['vi', 'en']],
      ['jp-osaka', ['vi', 'en']],
      ['eg-cairo', ['vi', 'en', 'ar']],
    ] as const) {
      for (const l of locales) {
        const privacy = pages.get(`${code}/${l}/${l === 'vi' ? 'chinh-sach-quyen-rieng-tu' : 'privacy'}/index.html`)
        const statement = pages.get(`${code}/${l}/${l === 'vi' ? 'tuyen-bo-tiep-can' : 'accessibility'}/index.html`)
        expect(privacy, `${code}/${l} privacy`).toBeDefined()
        expect(statement, `${code}/${l} accessibility`).toBeDefined()
        if (l === 'en') {
          expect(textContent(privacy!)).toContain('we keep only your e-mail address, your language, your choices')
          expect(textContent(statement!)).toContain('WCAG) 2.2, level AA')
        }
      }
    }
  })

  it('a mission’s own statement (a page of kind accessibility) replaces the generated one in its locale, with its required details; an incomplete one is refused', () => {
    expect(incompleteRefusal).toMatch(/statement\.reviewedAt|Required on the/)
    expect(incompleteRefusal).toContain('retention')
    const own = pages.get('jp-osaka/en/accessibility/index.html')!
    const text = textContent(own)
    expect(text).toContain('Accessibility statement of the Consulate-General')
    expect(text).toContain('partially conforms to the Web Content Accessibility Guidelines (WCAG) 2.2, level AA')
    expect(text).toContain('The visa application form is a PDF')
    expect(text).toContain('access@example.org')
    expect(text).toMatch(/Last reviewed on November 30, 2026/)
    // Not also under info/, and the other locale keeps the generated statement.
    expect([...pages.keys()].some((f) => /^jp-osaka\/en\/info\/accessibility-statement/.test(f))).toBe(false)
    expect(textContent(pages.get('jp-osaka/vi/tuyen-bo-tiep-can/index.html')!)).not.toContain('The visa application form')
  })
})
