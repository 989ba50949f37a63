import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { startSiteServer } from '../../site-server/server'
import { addEnglishOnlyArticle, buildDemoSites, type DemoSites } from '../helpers/demoSites'

/**
 * The demo sites in a real browser (Debian's Chromium driven by playwright-core), served by
 * the project's own static server with its production security headers: axe-core finds no
 * WCAG 2.2 AA violation, the menu works from the keyboard, and Pagefind search works offline.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
let site: DemoSites
let server: Server
let context: BrowserContext
let profileDir: string
const cspErrors: string[] = []

beforeAll(async () => {
  site = await buildDemoSites({ extra: addEnglishOnlyArticle })
  server = await startSiteServer({ sitesDir: site.sitesDir, port: site.port })
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
  context.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text())
  })
})

afterAll(async () => {
  await context?.close()
  await new Promise((r) => (server ? server.close(r) : r(null)))
  if (profileDir) rmSync(profileDir, { recursive: true, force: true })
  await site?.close()
})

async function open(urlPath: string, expectedStatus = 200): Promise<Page> {
  const page = await context.newPage()
  const response = await page.goto(`${site.baseUrl}${urlPath}`)
  expect(response?.status(), urlPath).toBe(expectedStatus)
  return page
}

async function axeViolations(page: Page) {
  await page.evaluate(axeSource) // evaluated through DevTools, so the page's CSP does not block it
  return page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
}

const pages: [string, string, number][] = [
  ['home (vi)', '/au-canberra/vi/', 200],
  ['home (en)', '/au-canberra/en/', 200],
  ['listing (vi)', '/au-canberra/vi/tin-tuc/', 200],
  ['listing (en)', '/au-canberra/en/news/', 200],
  ['article (vi)', '/au-canberra/vi/tin-tuc/khai-mac-tuan-le-viet-nam-xuc-tien-thuong-mai-va-dau-tu-tai-sydney/', 200],
  ['article (en)', '/au-canberra/en/news/trade-and-investment-viet-nam-week-opens-in-sydney/', 200],
  ['fallback (en)', '/au-canberra/en/news/vi/dong-bao-tai-canberra-quay-quan-don-tet-co-truyen-cung-dai-su-quan/', 200],
  ['fallback (vi)', '/au-canberra/vi/tin-tuc/en/visa-information-for-australian-visitors/', 200],
  ['search (vi)', '/au-canberra/vi/tim-kiem/', 200],
  ['search (en)', '/au-canberra/en/search/', 200],
  ['404 (vi)', '/au-canberra/vi/khong-co-trang-nay/', 404],
  ['404 (en)', '/au-canberra/en/no-such-page/', 404],
  ['language chooser', '/au-canberra/', 200],
]

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it.each(pages)('%s has no violations', async (_name, urlPath, status) => {
    const page = await open(urlPath, status)
    expect(await axeViolations(page)).toEqual([])
    await page.close()
  })

  // The dark palette (prefers-color-scheme: dark in site.css) must meet the same contrast.
  it.each(pages.filter(([name]) => /^(home|listing|article|404) \(vi\)$/.test(name)))(
    '%s in the dark palette has no violations',
    async (_name, urlPath, status) => {
      const page = await context.newPage()
      await page.emulateMedia({ colorScheme: 'dark' })
      const response = await page.goto(`${site.baseUrl}${urlPath}`)
      expect(response?.status()).toBe(status)
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true)
      expect(await axeViolations(page)).toEqual([])
      await page.close()
    },
  )

  it('the 404 page is in the language of the URL', async () => {
    const page = await open('/au-canberra/en/no-such-page/', 404)
    expect(await page.getAttribute('html', 'lang')).toBe('en')
    expect(await page.textContent('h1')).toBe('Page not found')
    await page.close()
  })
})

describe('keyboard', () => {
  it('Tab reaches the skip link first, then the menu links, each with a visible focus outline', async () => {
    const page = await open('/au-canberra/en/')
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement
        const style = getComputedStyle(el)
        return {
          text: el.textContent?.trim(),
          inNav: !!el.closest('nav[aria-label="Main navigation"]'),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          href: el.getAttribute('href'),
        }
      })
    await page.keyboard.press('Tab')
    const skip = await focused()
    expect(skip.text).toBe('Skip to main content')
    expect(skip.outline).toMatch(/^solid [3-9]/)
    const navLinks: string[] = []
    for (let i = 0; i < 12 && navLinks.length < 5; i++) {
      await page.keyboard.press('Tab')
      const f = await focused()
      if (f.inNav) {
        expect(f.outline, f.text).toMatch(/^solid [3-9]/)
        navLinks.push(f.text!)
      }
    }
    expect(navLinks).toEqual(['Home', 'News', 'Cultural diplomacy', 'External information', 'Search'])
    // Shift+Tab back to "External information" and follow it with Enter.
    await page.keyboard.press('Shift+Tab')
    await Promise.all([page.waitForURL(/\/en\/external-information\/$/), page.keyboard.press('Enter')])
    expect(await page.textContent('h1')).toBe('External information')
    await page.close()
  })

  it('the skip link moves focus to the main content', async () => {
    const page = await open('/au-canberra/vi/')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await page.close()
  })
})

describe('search (Pagefind, static)', () => {
  async function search(urlPath: string, query: string) {
    const page = await open(urlPath)
    await page.fill('.pagefind-ui__search-input', query)
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 })
    const results = await page.$$eval('.pagefind-ui__result-link', (links) =>
      links.map((a) => ({ href: a.getAttribute('href')!, title: a.textContent!.trim() })),
    )
    await page.close()
    return results
  }

  it('a Vietnamese query without diacritics finds text with them, đ included ("dai su quan" → "Đại sứ quán")', async () => {
    const results = await search('/au-canberra/vi/tim-kiem/', 'dai su quan')
    expect(results.length).toBeGreaterThan(0)
    expect(results.map((r) => r.title)).toContain('Đại sứ quán tổ chức tiệc chiêu đãi kỷ niệm Quốc khánh tại Canberra')
    for (const r of results) expect(r.href).toMatch(/^\/au-canberra\/vi\/[a-z-]+\/[a-z0-9-]+\/$/)
  })

  it('the English index answers English queries with English pages only', async () => {
    const results = await search('/au-canberra/en/search/', 'passport renewal')
    expect(results.map((r) => r.title)).toContain('Revised hours for passport renewal applications at the Embassy')
    for (const r of results) expect(r.href).toMatch(/^\/au-canberra\/en\//)
  })

  it('runs under the sites’ Content-Security-Policy without violations', () => {
    expect(cspErrors).toEqual([])
  })
})
