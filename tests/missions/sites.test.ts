import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { parseDocument } from 'htmlparser2'
import { selectAll, selectOne } from 'css-select'
import { textContent, getAttributeValue } from 'domutils'
import { startSiteServer } from '../../site-server/server'
import { buildDemoSites, builtFiles, type DemoSites } from '../helpers/demoSites'
import { loginOverHttp, startApiServer } from '../helpers/apiServer'

/**
 * The demo missions' built and served sites: each mission's settings (title, accent colour,
 * menus, home blocks, hotline) land on its pages; eg-cairo has an Arabic (RTL) site and
 * accredited-country pages; every block type passes axe in Chromium; and an emergency alert
 * posted over the API shows on that mission's served pages (and no other's) until it expires.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
let site: DemoSites
let server: Server
let context: BrowserContext
let profileDir: string
let alertsDir: string

beforeAll(async () => {
  alertsDir = mkdtempSync(path.join(os.tmpdir(), 'mp-alerts-'))
  process.env.MP_ALERTS_DIR = alertsDir
  site = await buildDemoSites()
  server = await startSiteServer({ sitesDir: site.sitesDir, port: site.port, alertsDir })
  profileDir = mkdtempSync(path.join(os.tmpdir(), 'mp-chromium-'))
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
})

afterAll(async () => {
  await context?.close()
  await new Promise((r) => (server ? server.close(r) : r(null)))
  if (profileDir) rmSync(profileDir, { recursive: true, force: true })
  await site?.close()
  rmSync(alertsDir, { recursive: true, force: true })
  delete process.env.MP_ALERTS_DIR
})

type Element = Parameters<typeof getAttributeValue>[0]
const doc = (file: string) => parseDocument(readFileSync(path.join(site.sitesDir, file), 'utf8'))
const one = (d: ReturnType<typeof doc>, sel: string) => selectOne(sel, d) as unknown as Element | null
const all = (d: ReturnType<typeof doc>, sel: string) => selectAll(sel, d) as unknown as Element[]
const text = (e: Element | null) => (e ? textContent(e).replace(/\s+/g, ' ').trim() : '')

describe('each mission’s settings on its built site', () => {
  const homes = ['au-canberra', 'jp-osaka', 'eg-cairo'].map((code) => {
    const d = () => doc(`${code}/en/index.html`)
    return { code, d }
  })

  it('the three demo home pages differ in title, accent colour and menu', () => {
    const seen = homes.map(({ code, d }) => {
      const page = d()
      return {
        code,
        title: text(one(page, 'h1')),
        accent: getAttributeValue(one(page, 'html')!, 'style') ?? '',
        menu: all(page, 'nav.mission-nav a').map(text).join(' | '),
      }
    })
    // Menu entries the main navigation already has (the sections) are not repeated.
    expect(seen).toEqual([
      { code: 'au-canberra', title: 'Vietnam Embassy in Australia', accent: '--accent: #1f5fa8', menu: 'About us | Consular | Ambassador' },
      { code: 'jp-osaka', title: 'Consulate-General of Viet Nam, Osaka', accent: '--accent: #a4262c', menu: 'Visa | Consular services' },
      { code: 'eg-cairo', title: 'Embassy of Viet Nam, Cairo', accent: '--accent: #0b6e4f', menu: 'About | Consular | Overseas Vietnamese' },
    ])
  })

  it('menu links lead to built pages of the same mission and locale', () => {
    for (const { code, d } of homes) {
      for (const a of all(d(), 'nav.mission-nav a')) {
        const href = getAttributeValue(a, 'href')!
        expect(href.startsWith(`/${code}/en/`), href).toBe(true)
        const file = href.replace(/^\//, '') + 'index.html'
        expect(builtFiles(site.sitesDir).includes(file), `${href} is built`).toBe(true)
      }
    }
  })

  it('the 24/7 hotline is in the footer of every page of a mission (and only its own number)', () => {
    const files = builtFiles(site.sitesDir).filter((f) => f.startsWith('au-canberra/') && f.endsWith('.html'))
    expect(files.length).toBeGreaterThan(20)
    for (const f of files) {
      const hotline = one(doc(f), 'footer .hotline a')
      expect(text(hotline), f).toBe('+61 400 000 111')
      expect(getAttributeValue(hotline!, 'href')).toBe('tel:+61400000111')
    }
  })

  it('home blocks render in the order the mission chose', () => {
    const blocks = all(homes[0]!.d(), 'main section.block').map((e) => getAttributeValue(e, 'class')!.split(' ')[1])
    expect(blocks).toEqual(['block-hom', 'block-lead', 'block-featured', 'block-latest', 'block-events', 'block-consular', 'block-contact'])
    const osaka = all(homes[1]!.d(), 'main section.block').map((e) => getAttributeValue(e, 'class')!.split(' ')[1])
    expect(osaka).toEqual(['block-consular', 'block-lead', 'block-latest', 'block-contact'])
    const contact = text(one(homes[0]!.d(), '.block-contact'))
    expect(contact).toContain('Office hours (local time, Australia/Sydney)')
    expect(contact).toContain('Monday – Friday: 09:00–17:00')
  })

  it('the upcoming-events block lists the demo events, soonest first, with time and venue; their articles show them too', () => {
    const events = all(homes[0]!.d(), '.block-events .card')
    expect(events.map((e) => text(one(e as never, '.card-title')))).toEqual([
      'Mid-Autumn lantern night for children at the Embassy',
      'Open day: Vietnamese tea tasting at the Embassy',
    ])
    expect(text(events[0]!)).toMatch(/When .*\(local time, Australia\/Sydney\) Venue Embassy grounds, 6 Timbarra Crescent/)
    const article = doc('au-canberra/vi/ngoai-giao-van-hoa/moi-dong-bao-du-dem-hoi-trang-ram-cho-thieu-nhi-tai-dai-su-quan/index.html')
    expect(text(one(article, 'article .event-details'))).toMatch(/^Thời gian .*\(giờ địa phương, Australia\/Sydney\) Địa điểm Sân Đại sứ quán/)
  })

  it('static pages are built per published locale, with the consular contacts on consular pages', () => {
    const page = doc('au-canberra/en/info/consular-services/index.html')
    expect(text(one(page, 'h1'))).toBe('Consular services')
    expect(text(one(page, 'main'))).toContain('consular.au@example.org')
  })
})

describe('a third, right-to-left locale (Arabic on eg-cairo)', () => {
  it('has every UI string key of the other locales', () => {
    const keys = (l: string) => Object.keys(JSON.parse(readFileSync(path.join('locales', `${l}.json`), 'utf8'))).sort()
    expect(keys('ar')).toEqual(keys('en'))
    expect(keys('vi')).toEqual(keys('en'))
  })

  it('builds Arabic pages with lang="ar" and dir="rtl", and keeps other locales ltr', () => {
    const home = doc('eg-cairo/ar/index.html')
    expect(getAttributeValue(one(home, 'html')!, 'lang')).toBe('ar')
    expect(getAttributeValue(one(home, 'html')!, 'dir')).toBe('rtl')
    expect(text(one(home, 'h1'))).toBe('سفارة فيتنام في القاهرة')
    expect(text(one(home, 'main'))).toContain('شركات فيتنامية تعرض منتجاتها')
    const article = doc('eg-cairo/ar/news/safety-advice-for-vietnamese-citizens-in-egypt/index.html')
    expect(text(one(article, 'h1'))).toBe('نصائح السلامة للمواطنين الفيتناميين أثناء السفر والإقامة في مصر')
    expect(getAttributeValue(one(doc('eg-cairo/en/index.html'), 'html')!, 'dir')).toBe('ltr')
    expect(builtFiles(site.sitesDir).some((f) => f.startsWith('au-canberra/ar/'))).toBe(false)
  })
})

describe('concurrent accreditation (eg-cairo also covers Sudan and Libya)', () => {
  it('has a page per accredited country with relations, consular contacts and the news tagged with it', () => {
    const sd = doc('eg-cairo/en/countries/sd/index.html')
    expect(text(one(sd, 'h1'))).toBe('Sudan')
    expect(text(one(sd, 'main'))).toContain('established diplomatic relations in 1969')
    expect(text(one(sd, 'main'))).toContain('Citizens in Sudan: contact the Embassy in Cairo.')
    expect(all(sd, 'main .card-title').map(text)).toEqual(['Embassy assists Vietnamese citizens in Sudan and Libya'])
    const list = doc('eg-cairo/en/countries/index.html')
    expect(all(list, '.country-list a').map(text)).toEqual(['Sudan', 'Libya'])
    expect(text(one(doc('eg-cairo/ar/countries/ly/index.html'), 'h1'))).toBe('ليبيا')
    expect(builtFiles(site.sitesDir).some((f) => f.startsWith('au-canberra/en/countries/'))).toBe(false)
  })
})

async function open(urlPath: string): Promise<Page> {
  const page = await context.newPage()
  const response = await page.goto(`${site.baseUrl}${urlPath}`)
  expect(response?.status(), urlPath).toBe(200)
  return page
}

async function axeViolations(page: Page) {
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

describe('accessibility of every block type and the new pages (axe-core, WCAG 2.2 AA)', () => {
  it.each([
    ['au-canberra home: head-of-mission, lead, featured, latest, upcoming events, consular links, contact', '/au-canberra/en/'],
    ['au-canberra home in Vietnamese (upcoming events)', '/au-canberra/vi/'],
    ['event article', '/au-canberra/en/cultural-diplomacy/mid-autumn-lantern-night-for-children-at-the-embassy/'],
    ['jp-osaka home (red accent)', '/jp-osaka/vi/'],
    ['eg-cairo home in Arabic (RTL)', '/eg-cairo/ar/'],
    ['Arabic article (RTL)', '/eg-cairo/ar/news/safety-advice-for-vietnamese-citizens-in-egypt/'],
    ['static consular page', '/au-canberra/en/info/consular-services/'],
    ['accredited-country page', '/eg-cairo/en/countries/sd/'],
  ])('%s has no violations', async (_name, urlPath) => {
    const page = await open(urlPath)
    expect(await axeViolations(page)).toEqual([])
    if (urlPath.includes('/ar/')) {
      // Logical CSS: in RTL the brand sits at the right edge, the start side.
      const box = await page.evaluate(() => {
        const b = document.querySelector('.brand')!.getBoundingClientRect()
        return { left: b.left, right: b.right, width: document.documentElement.clientWidth }
      })
      expect(box.width - box.right).toBeLessThan(box.left)
    }
    await page.close()
  })
})

describe('search covers static pages and accredited-country pages', () => {
  /** Queries a locale's Pagefind index in the browser, as the search page does; returns result paths and titles. */
  async function search(home: string, query: string) {
    const page = await open(home)
    // A string, not a function: vitest would rewrite a dynamic import() inside a function for Node.
    const found = await page.evaluate(`(async () => {
      const pagefind = await import(${JSON.stringify(`${home}pagefind/pagefind.js`)})
      await pagefind.options({ baseUrl: ${JSON.stringify(home)} })
      const { results } = await pagefind.search(${JSON.stringify(query)})
      return Promise.all(results.map(async (r) => { const d = await r.data(); return { url: d.url, title: d.meta.title } }))
    })()`)
    await page.close()
    return found as { url: string; title: string }[]
  }

  it('a word that appears only on a static page finds that page', async () => {
    expect(await search('/au-canberra/en/', 'biography')).toEqual([{ url: '/au-canberra/en/info/the-ambassador/', title: 'The Ambassador' }])
    expect((await search('/au-canberra/vi/', 'tieu su')).map((r) => r.url)).toContain('/au-canberra/vi/info/dai-su/')
  })

  it('an accredited country’s relations text finds the country page', async () => {
    expect(await search('/eg-cairo/en/', '1969')).toEqual([{ url: '/eg-cairo/en/countries/sd/', title: 'Sudan' }])
  })

  it('menus and footers stay out of the index', async () => {
    // "RSS feed" is in every page's footer and in no article or page text.
    expect(await search('/au-canberra/en/', 'rss')).toEqual([])
  })
})

describe('emergency alert timeline', () => {
  it('appears on the mission’s served pages within 60 s of posting, not on other missions, and is gone after expiry', async () => {
    const api = await startApiServer(site.payload)
    try {
      const reviewer = await loginOverHttp(api.url, 'reviewer.jp-osaka@example.org', process.env.SEED_PASSWORD!)
      const osaka = (await site.payload.find({ collection: 'missions', where: { code: { equals: 'jp-osaka' } }, overrideAccess: true })).docs[0]!
      const page = (p: string) => fetch(`${site.baseUrl}${p}`).then((r) => r.text())
      const hasAlert = (html: string) => html.includes('data-alert-id=')
      expect(hasAlert(await page('/jp-osaka/vi/'))).toBe(false)

      const lifetime = 8_000
      const posted = Date.now()
      const res = await fetch(`${api.url}/api/alerts?locale=vi`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: reviewer },
        body: JSON.stringify({
          mission: osaka.id,
          severity: 'critical',
          text: 'Bão lớn đổ bộ vùng Kansai: hạn chế ra ngoài.',
          startsAt: new Date(posted - 1000).toISOString(),
          expiresAt: new Date(posted + lifetime).toISOString(),
        }),
      })
      expect(res.status, await res.clone().text()).toBe(201)
      const alertId = ((await res.json()) as { doc: { id: number } }).doc.id
      let visibleAfter = -1
      while (Date.now() - posted < 60_000) {
        if (hasAlert(await page('/jp-osaka/vi/'))) {
          visibleAfter = Date.now() - posted
          break
        }
        await new Promise((r) => setTimeout(r, 100))
      }
      console.log(`[alert timeline] posted → visible on served pages after ${visibleAfter} ms (no rebuild)`)
      expect(visibleAfter).toBeGreaterThanOrEqual(0)
      expect(visibleAfter).toBeLessThan(60_000)

      const article = await page('/jp-osaka/en/news/')
      expect(article).toContain('Bão lớn đổ bộ vùng Kansai') // no English text: the default language's, marked lang="vi"
      expect(article).toContain('<span lang="vi">')
      expect(article).toContain('Emergency alert:')
      expect(hasAlert(await page('/au-canberra/vi/'))).toBe(false)
      expect(hasAlert(await page('/eg-cairo/ar/'))).toBe(false)

      // Without JavaScript, in a real browser: the banner is part of the served HTML.
      const noJs = await context.browser()?.newContext({ javaScriptEnabled: false })
      const tab = noJs ? await noJs.newPage() : await context.newPage()
      await tab.goto(`${site.baseUrl}/jp-osaka/vi/`)
      expect(await tab.textContent('[role="alert"]')).toContain('Cảnh báo khẩn cấp')
      await tab.close()
      await noJs?.close()

      while (Date.now() - posted < lifetime + 500) await new Promise((r) => setTimeout(r, 200))
      const goneAfter = Date.now() - posted
      expect(hasAlert(await page('/jp-osaka/vi/'))).toBe(false)
      console.log(`[alert timeline] expired at ${lifetime} ms, gone from served pages at ${goneAfter} ms`)
      expect(goneAfter).toBeLessThan(lifetime + 60_000)

      const log = await site.payload.find({ collection: 'alert-log', where: { alert: { equals: alertId } }, overrideAccess: true, depth: 0 })
      expect(log.docs.map((d) => d.action)).toEqual(['create'])
    } finally {
      await api.close()
    }
  }, 180_000)
})
