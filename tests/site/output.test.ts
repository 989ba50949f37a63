import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { HtmlValidate } from 'html-validate'
import { parseDocument } from 'htmlparser2'
import { findAll, findOne, getAttributeValue, textContent } from 'domutils'
import type { Document, Element } from 'domhandler'
import type { Payload } from 'payload'
import { paragraphs } from '../../cms/seed/lexical'
import { addEnglishOnlyArticle, buildDemoSites, builtFiles, ENGLISH_ONLY_TITLE, fileFor, type DemoSites } from '../helpers/demoSites'

/**
 * The demo sites as a search engine, a feed reader and a link checker see them: one real
 * build of the demo seed (plus one article of hostile input), then assertions on the files.
 */
const NASTY_TITLE = 'Tết "quà" & <b>bạn</b> 🎉 </script> مرحبا'
let site: DemoSites
let htmlPages: Map<string, Document>
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap', 'item', 'xhtml:link'].includes(name) })

async function addHostileArticle(payload: Payload) {
  const mission = (await payload.find({ collection: 'missions', where: { code: { equals: 'au-canberra' } }, overrideAccess: true })).docs[0]!
  const body = paragraphs(['<script>alert("body")</script>', '<img src=x onerror="alert(1)">'])
  await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: {
      title: NASTY_TITLE,
      summary: '',
      body,
      section: 'external-information',
      missions: [mission.id],
      publishedAt: new Date().toISOString(),
      _status: 'published',
      workflow: { state: 'published' },
    },
    overrideAccess: true,
    context: { skipRebuild: true },
  })
}

const page = (file: string) => {
  const doc = htmlPages.get(file)
  if (!doc) throw new Error(`no built page ${file}`)
  return doc
}
const els = (doc: Document, test: (e: Element) => boolean) => findAll(test, doc.children)
const attr = (e: Element, name: string) => getAttributeValue(e, name)
const hreflangLinks = (doc: Document) =>
  els(doc, (e) => e.name === 'link' && attr(e, 'rel') === 'alternate' && !!attr(e, 'hreflang')).map((e) => ({
    lang: attr(e, 'hreflang')!,
    href: attr(e, 'href')!,
  }))
const isNoindex = (doc: Document) => els(doc, (e) => e.name === 'meta' && attr(e, 'name') === 'robots').some((e) => /noindex/.test(attr(e, 'content') ?? ''))
const canonicalOf = (doc: Document) => els(doc, (e) => e.name === 'link' && attr(e, 'rel') === 'canonical').map((e) => attr(e, 'href')!)
const switcherLinks = (doc: Document) => {
  const nav = findOne((e) => e.name === 'nav' && /language-switcher/.test(attr(e, 'class') ?? ''), doc.children)
  return nav ? findAll((e) => e.name === 'a', nav.children).map((e) => ({ lang: attr(e, 'hreflang')!, href: attr(e, 'href')! })) : []
}
const jsonLd = (doc: Document) =>
  els(doc, (e) => e.name === 'script' && attr(e, 'type') === 'application/ld+json').map((e) => JSON.parse(textContent(e)) as Record<string, unknown>)
const fileOf = (href: string) => fileFor(site.sitesDir, site.baseUrl, href)
const articleFiles = () => [...htmlPages.keys()].filter((f) => jsonLd(page(f)).some((d) => d['@type'] === 'NewsArticle'))

beforeAll(async () => {
  site = await buildDemoSites({ extra: async (p) => (await addHostileArticle(p), await addEnglishOnlyArticle(p)), pageSize: 2 })
  htmlPages = new Map(
    builtFiles(site.sitesDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f, parseDocument(readFileSync(path.join(site.sitesDir, f), 'utf8'))]),
  )
})

afterAll(async () => {
  await site?.close()
})

describe('pages', () => {
  it('every page declares its language, has one h1 and a main landmark', () => {
    expect(htmlPages.size).toBeGreaterThan(60)
    for (const [file, doc] of htmlPages) {
      const html = findOne((e) => e.name === 'html', doc.children)!
      expect(attr(html, 'lang'), file).toMatch(/^(vi|en|ar)$/) // ar: eg-cairo's third locale
      expect(
        els(doc, (e) => e.name === 'h1'),
        file,
      ).toHaveLength(1)
      expect(
        els(doc, (e) => e.name === 'main'),
        file,
      ).toHaveLength(1)
    }
  })

  it("every page names an icon that exists (the flag, for missions without their own), so browsers don't ask for a missing /favicon.ico", () => {
    for (const [file, doc] of htmlPages) {
      const icons = els(doc, (e) => e.name === 'link' && attr(e, 'rel') === 'icon')
      expect(icons, file).toHaveLength(1)
      const target = fileOf(attr(icons[0]!, 'href')!)
      expect(target, file).not.toBeNull()
    }
    const flag = readFileSync(path.join(site.sitesDir, 'au-canberra/favicon.svg'), 'utf8')
    expect(parseDocument(flag, { xmlMode: true }).children.some((n) => (n as Element).name === 'svg')).toBe(true)
  })

  it('every page is valid HTML (html-validate, standard rules)', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] })
    const problems: string[] = []
    for (const file of htmlPages.keys()) {
      const report = await validator.validateString(readFileSync(path.join(site.sitesDir, file), 'utf8'), file)
      for (const r of report.results) for (const m of r.messages) problems.push(`${file}:${m.line}: ${m.ruleId} ${m.message}`)
    }
    expect(problems).toEqual([])
  })

  it('no internal link, image or stylesheet points to a missing file', () => {
    const missing: string[] = []
    for (const [file, doc] of htmlPages) {
      for (const e of els(doc, (x) => ['a', 'link', 'img', 'source', 'script'].includes(x.name))) {
        const refs = [attr(e, 'href'), attr(e, 'src'), ...(attr(e, 'srcset') ?? '').split(',').map((c) => c.trim().split(' ')[0])].filter(
          (r): r is string => !!r,
        )
        for (const ref of refs) {
          if (/^(https?:)?\/\//.test(ref) && !ref.startsWith(site.baseUrl)) continue // share links to other sites
          if (/^(mailto|tel):/.test(ref) || ref.startsWith('#')) continue
          if (!fileOf(ref)) missing.push(`${file} → ${ref}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('loads nothing from other hosts, and no script except on the search page', () => {
    for (const [file, doc] of htmlPages) {
      for (const e of els(doc, (x) => ['img', 'source', 'script', 'iframe'].includes(x.name) || (x.name === 'link' && attr(x, 'rel') === 'stylesheet'))) {
        const ref = attr(e, 'src') ?? attr(e, 'href') ?? ''
        if (ref) expect(ref.startsWith('/') || ref.startsWith(site.baseUrl), `${file}: ${ref}`).toBe(true)
      }
      const scripts = els(doc, (e) => e.name === 'script' && attr(e, 'type') !== 'application/ld+json')
      if (!/\/(search|tim-kiem)\/index\.html$/.test(file)) expect(scripts, file).toEqual([])
    }
  })

  it('keeps article pages lean: HTML ≤ 60 KB, CSS ≤ 30 KB', () => {
    for (const file of articleFiles()) {
      const html = readFileSync(path.join(site.sitesDir, file), 'utf8')
      expect(Buffer.byteLength(html), file).toBeLessThanOrEqual(60 * 1024)
      const css = els(page(file), (e) => e.name === 'style')
        .map(textContent)
        .join('')
      expect(Buffer.byteLength(css), file).toBeLessThanOrEqual(30 * 1024)
    }
  })

  it('has a 404 page per locale, in that locale, kept out of search engines', () => {
    for (const code of ['au-canberra', 'jp-osaka', 'eg-cairo']) {
      for (const locale of ['vi', 'en']) {
        const doc = page(`${code}/${locale}/404.html`)
        expect(
          attr(
            findOne((e) => e.name === 'html', doc.children)!,
            'lang',
          ),
        ).toBe(locale)
        expect(isNoindex(doc)).toBe(true)
      }
    }
    expect(textContent(page('au-canberra/en/404.html'))).toContain('Page not found')
    expect(textContent(page('au-canberra/vi/404.html'))).toContain('Không tìm thấy trang')
  })

  it('paginates section listings: the newest on the section page, older ones on archive pages numbered from the oldest', () => {
    const first = page('au-canberra/en/news/index.html')
    const next = els(first, (e) => e.name === 'a' && attr(e, 'rel') === 'next')
    expect(next).toHaveLength(1)
    const newestArchive = /\/page\/(\d+)\/$/.exec(attr(next[0]!, 'href')!)
    expect(newestArchive, 'the section page links to its newest archive page').not.toBeNull()
    const archive = page(fileOf(attr(next[0]!, 'href')!)!)
    expect(attr(els(archive, (e) => e.name === 'a' && attr(e, 'rel') === 'prev')[0]!, 'href')).toBe('/au-canberra/en/news/')
    expect(textContent(archive)).toContain(`Archive page ${newestArchive![1]}, numbered from the oldest`)
    // Page 1 is the oldest: it has no older page.
    const oldest = page('au-canberra/en/news/page/1/index.html')
    expect(els(oldest, (e) => e.name === 'a' && attr(e, 'rel') === 'next')).toHaveLength(0)
  })

  it('shows breadcrumbs, the date in the mission time zone, related articles and tracker-free share links', () => {
    const doc = page('au-canberra/en/news/trade-and-investment-viet-nam-week-opens-in-sydney/index.html')
    const crumbs = findOne((e) => e.name === 'nav' && attr(e, 'class') === 'breadcrumbs', doc.children)!
    expect(findAll((e) => e.name === 'a', crumbs.children).map(textContent)).toEqual(['Home', 'News', 'Trade & investment: "Viet Nam Week" opens in Sydney'])
    const time = findOne((e) => e.name === 'time', doc.children)!
    const expected = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'Australia/Sydney' }).format(new Date(attr(time, 'datetime')!))
    expect(textContent(time)).toBe(`Published ${expected}`)
    expect(textContent(doc)).toContain('Related articles')
    const share = findOne((e) => e.name === 'aside' && attr(e, 'class') === 'share', doc.children)!
    const hrefs = findAll((e) => e.name === 'a', share.children).map((e) => attr(e, 'href')!)
    expect(hrefs.length).toBeGreaterThanOrEqual(3)
    for (const h of hrefs) expect(h).not.toMatch(/utm_|fbclid|gclid/)
    expect(hrefs.some((h) => h.includes(encodeURIComponent(`${site.baseUrl}/au-canberra/en/news/trade-and-investment-viet-nam-week-opens-in-sydney/`)))).toBe(
      true,
    )
  })
})

describe('languages and fallback pages', () => {
  it('every hreflang target exists, links back with the same set, and includes the page itself', () => {
    let checked = 0
    for (const [file, doc] of htmlPages) {
      const links = hreflangLinks(doc)
      if (!links.length) continue
      const canonical = canonicalOf(doc)[0]
      expect(
        links.some((l) => l.href === canonical),
        `${file} refers to itself`,
      ).toBe(true)
      for (const l of links) {
        const target = fileOf(l.href)
        expect(target, `${file} → ${l.href}`).not.toBeNull()
        expect(hreflangLinks(page(target!)), `${target} links back to ${file}`).toEqual(links)
        expect(isNoindex(page(target!))).toBe(false)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('puts x-default on home pages only', () => {
    for (const [file, doc] of htmlPages) {
      const xDefault = hreflangLinks(doc).filter((l) => l.lang === 'x-default')
      if (/^[^/]+\/((vi|en|ar)\/)?index\.html$/.test(file)) expect(xDefault, file).toHaveLength(1)
      else expect(xDefault, file).toEqual([])
    }
  })

  it('canonical URLs are absolute on the mission site; noindex pages have neither canonical nor hreflang', () => {
    for (const [file, doc] of htmlPages) {
      if (isNoindex(doc)) {
        expect(canonicalOf(doc), file).toEqual([])
        expect(hreflangLinks(doc), file).toEqual([])
      } else {
        const [canonical] = canonicalOf(doc)
        expect(canonical, file).toMatch(new RegExp(`^${site.baseUrl}/${file.split('/')[0]}/`))
        expect(fileOf(canonical!), file).toBe(file)
      }
    }
  })

  it('the language switcher of every page leads to an existing page in the other language', () => {
    for (const [file, doc] of htmlPages) {
      if (/^[^/]+\/index\.html$/.test(file)) continue // the language chooser is the switcher
      const links = switcherLinks(doc)
      // eg-cairo also publishes in Arabic: two other languages.
      expect(links, file).toHaveLength(file.startsWith('eg-cairo/') ? 2 : 1)
      for (const link of links) {
        const target = fileOf(link.href)
        expect(target, `${file} → ${link.href}`).not.toBeNull()
        expect(
          attr(
            findOne((e) => e.name === 'html', page(target!).children)!,
            'lang',
          ),
        ).toBe(link.lang)
      }
    }
  })

  it('sends the English reader of the Vietnamese-only article to a noindex fallback page in English', () => {
    const viFile = [...htmlPages.keys()].find((f) => f.startsWith('au-canberra/vi/') && f.includes('dong-bao-tai-canberra-quay-quan-don-tet'))!
    expect(viFile).toBeTruthy()
    const vi = page(viFile)
    expect(hreflangLinks(vi)).toEqual([]) // no published translation: no hreflang
    const [en] = switcherLinks(vi)
    const fallbackFile = fileOf(en!.href)!
    expect(fallbackFile).toMatch(/^au-canberra\/en\//)
    const fallback = page(fallbackFile)
    expect(isNoindex(fallback)).toBe(true)
    expect(
      attr(
        findOne((e) => e.name === 'html', fallback.children)!,
        'lang',
      ),
    ).toBe('en')
    expect(textContent(findOne((e) => e.name === 'h1', fallback.children)!)).toBe('This article is not available in English')
    const main = findOne((e) => e.name === 'main', fallback.children)!
    const original = findAll((e) => e.name === 'a' && attr(e, 'lang') === 'vi' && fileOf(attr(e, 'href')!) === viFile, main.children)
    expect(original).toHaveLength(1)
    expect(textContent(original[0]!)).toBe(textContent(findOne((e) => e.name === 'h1', vi.children)!))
    // …and the fallback page's own switcher leads back to the Vietnamese article.
    expect(fileOf(switcherLinks(fallback)[0]!.href)).toBe(viFile)
  })

  it('sends the Vietnamese reader of an English-only article to a fallback page in Vietnamese', () => {
    const enFile = 'au-canberra/en/news/visa-information-for-australian-visitors/index.html'
    const [vi] = switcherLinks(page(enFile))
    const fallbackFile = fileOf(vi!.href)!
    expect(fallbackFile).toBe('au-canberra/vi/tin-tuc/en/visa-information-for-australian-visitors/index.html')
    const fallback = page(fallbackFile)
    expect(isNoindex(fallback)).toBe(true)
    expect(textContent(findOne((e) => e.name === 'h1', fallback.children)!)).toBe('Bài viết này chưa có bằng tiếng Việt')
    const main = findOne((e) => e.name === 'main', fallback.children)!
    const link = findOne((e) => e.name === 'a' && attr(e, 'lang') === 'en', main.children)!
    expect(textContent(link)).toBe(ENGLISH_ONLY_TITLE)
    expect(fileOf(attr(link, 'href')!)).toBe(enFile)
  })
})

describe('sitemaps, robots.txt and feeds', () => {
  it('each mission has a sitemap index of per-locale sitemaps listing only existing, indexable pages', () => {
    let staticPagesChecked = 0
    for (const code of ['au-canberra', 'jp-osaka', 'eg-cairo']) {
      const indexXml = readFileSync(path.join(site.sitesDir, code, 'sitemap.xml'), 'utf8')
      expect(XMLValidator.validate(indexXml)).toBe(true)
      const sitemaps = xml.parse(indexXml).sitemapindex.sitemap as { loc: string }[]
      const locales = code === 'eg-cairo' ? ['vi', 'en', 'ar'] : ['vi', 'en']
      expect(sitemaps.map((s) => s.loc)).toEqual(locales.map((l) => `${site.baseUrl}/${code}/sitemap-${l}.xml`))
      const listed = new Set<string>()
      for (const s of sitemaps) {
        const body = readFileSync(path.join(site.sitesDir, fileOf(s.loc)!), 'utf8')
        expect(XMLValidator.validate(body)).toBe(true)
        for (const u of xml.parse(body).urlset.url as { loc: string; 'xhtml:link'?: { '@href': string; '@hreflang': string }[] }[]) {
          const file = fileOf(u.loc)
          expect(file, u.loc).not.toBeNull()
          expect(isNoindex(page(file!)), u.loc).toBe(false)
          listed.add(file!)
          for (const l of u['xhtml:link'] ?? []) expect(fileOf(l['@href']), l['@href']).not.toBeNull()
          // Sitemap alternates agree with the page's own hreflang.
          const onPage = hreflangLinks(page(file!))
            .map((l) => `${l.lang} ${l.href}`)
            .sort()
          expect((u['xhtml:link'] ?? []).map((l) => `${l['@hreflang']} ${l['@href']}`).sort(), u.loc).toEqual(onPage)
        }
      }
      // Every indexable article page is listed, and so are static pages and accredited-country pages.
      for (const f of articleFiles().filter((f) => f.startsWith(`${code}/`))) expect(listed.has(f), f).toBe(true)
      const infoAndCountries = builtFiles(site.sitesDir).filter((f) => f.startsWith(`${code}/`) && /\/(info|countries)\/.*index\.html$/.test(f))
      for (const f of infoAndCountries) expect(listed.has(f), f).toBe(true)
      staticPagesChecked += infoAndCountries.length
    }
    expect(staticPagesChecked).toBeGreaterThan(10) // the demo has static pages everywhere and country pages on eg-cairo
  })

  it('pairs translated slugs in the sitemap', () => {
    const body = xml.parse(readFileSync(path.join(site.sitesDir, 'au-canberra/sitemap-en.xml'), 'utf8'))
    const entry = (body.urlset.url as { loc: string; 'xhtml:link': { '@href': string; '@hreflang': string }[] }[]).find((u) =>
      u.loc.endsWith('/en/news/trade-and-investment-viet-nam-week-opens-in-sydney/'),
    )!
    expect(entry['xhtml:link'].find((l) => l['@hreflang'] === 'vi')!['@href']).toBe(
      `${site.baseUrl}/au-canberra/vi/tin-tuc/khai-mac-tuan-le-viet-nam-xuc-tien-thuong-mai-va-dau-tu-tai-sydney/`,
    )
  })

  it('robots.txt allows crawling and names the sitemap', () => {
    const robots = readFileSync(path.join(site.sitesDir, 'au-canberra/robots.txt'), 'utf8')
    expect(robots).toMatch(/^User-agent: \*$/m)
    expect(robots).toContain(`Sitemap: ${site.baseUrl}/au-canberra/sitemap.xml`)
  })

  it('each locale and section has an RSS 2.0 feed with language, absolute links to existing pages and hero enclosures', () => {
    const feeds = builtFiles(site.sitesDir).filter((f) => f.endsWith('rss.xml'))
    expect(feeds).toHaveLength(3 * 2 * 4 + 4) // three missions × vi, en × (home + 3 sections), plus eg-cairo's ar
    for (const f of feeds) {
      const body = readFileSync(path.join(site.sitesDir, f), 'utf8')
      expect(XMLValidator.validate(body), f).toBe(true)
      const rss = xml.parse(body).rss
      expect(rss['@version']).toBe('2.0')
      expect(rss.channel.language).toBe(f.split('/')[1])
      for (const item of (rss.channel.item ?? []) as { link: string; enclosure?: { '@url': string; '@length': string } }[]) {
        expect(item.link.startsWith(`${site.baseUrl}/`)).toBe(true)
        expect(fileOf(item.link), item.link).not.toBeNull()
        if (item.enclosure) {
          const image = fileOf(item.enclosure['@url'])!
          expect(statSync(path.join(site.sitesDir, image)).size).toBe(Number(item.enclosure['@length']))
        }
      }
    }
    const en = xml.parse(readFileSync(path.join(site.sitesDir, 'au-canberra/en/rss.xml'), 'utf8')).rss.channel
    const trade = (en.item as { title: string; description: string; enclosure?: unknown }[]).find((i) => i.title.startsWith('Trade &'))!
    expect(trade.title).toBe('Trade & investment: "Viet Nam Week" opens in Sydney')
    expect(trade.description).toMatch(/^More than 40 Vietnamese companies/)
    expect(trade.enclosure).toBeDefined()
  })

  it('pages link their feeds with rel=alternate', () => {
    const doc = page('au-canberra/vi/tin-tuc/index.html')
    const feeds = els(doc, (e) => e.name === 'link' && attr(e, 'type') === 'application/rss+xml').map((e) => fileOf(attr(e, 'href')!))
    expect(feeds).toEqual(['au-canberra/vi/tin-tuc/rss.xml', 'au-canberra/vi/rss.xml'])
  })
})

describe('structured data and social cards', () => {
  it('article pages carry parseable NewsArticle and BreadcrumbList JSON-LD', () => {
    const files = articleFiles()
    expect(files.length).toBeGreaterThan(30)
    for (const file of files) {
      const [article, crumbs] = jsonLd(page(file))
      expect(article).toMatchObject({ '@context': 'https://schema.org', '@type': 'NewsArticle', inLanguage: file.split('/')[1] })
      for (const key of ['headline', 'datePublished', 'dateModified']) expect(article![key], `${file} ${key}`).toBeTruthy()
      expect((article!.publisher as { name: string }).name).toBeTruthy()
      // The image is the Open Graph crop of the hero, when the article has one.
      const hasHero = els(page(file), (e) => e.name === 'figure').length > 0
      // Without one, the generated share card of its section (pipeline/shareCards.ts).
      if (hasHero) expect(fileOf((article!.image as string[])[0]!), file).toMatch(/-og\.jpg$/)
      else expect(fileOf((article!.image as string[])[0]!), file).toMatch(/\/card-[0-9a-f]{16}\.jpg$/)
      expect(crumbs!['@type']).toBe('BreadcrumbList')
      const items = crumbs!.itemListElement as { item: string }[]
      expect(items).toHaveLength(3)
      for (const i of items) expect(fileOf(i.item)).not.toBeNull()
    }
  })

  it('Open Graph and Twitter cards use the 1200×630 image and the summary', () => {
    const doc = page('au-canberra/en/news/trade-and-investment-viet-nam-week-opens-in-sydney/index.html')
    const meta = (key: string) =>
      els(doc, (e) => e.name === 'meta' && (attr(e, 'property') === key || attr(e, 'name') === key)).map((e) => attr(e, 'content'))[0]
    expect(meta('og:type')).toBe('article')
    expect(meta('og:image:width')).toBe('1200')
    expect(meta('og:image:height')).toBe('630')
    expect(fileOf(meta('og:image')!)).toMatch(/-og\.jpg$/)
    expect(meta('twitter:card')).toBe('summary_large_image')
    expect(meta('description')).toMatch(/^More than 40 Vietnamese companies/)
    expect(meta('og:description')).toBe(meta('description'))
    expect(meta('og:image:alt')).toBe('Illustration: Trade & investment: "Viet Nam Week" opens in Sydney')
    expect(meta('twitter:image:alt')).toBe(meta('og:image:alt'))
  })

  it("hero images carry their alt text in the page's language (the seed's images describe their article)", () => {
    const prefix: Record<string, string> = { vi: 'Ảnh minh họa: ', en: 'Illustration: ' }
    let checked = 0
    for (const file of articleFiles()) {
      const locale = file.split('/')[1]!
      const img = findOne(
        (e) => e.name === 'img',
        els(page(file), (e) => e.name === 'figure'),
      )
      if (!img || !prefix[locale]) continue
      const title = textContent(findOne((e) => e.name === 'h1', page(file).children)!)
      expect(attr(img, 'alt'), file).toBe(prefix[locale] + title)
      const caption = findOne((e) => e.name === 'figcaption', page(file).children)
      expect(caption && textContent(caption), file).toBe('Mission Publisher demo')
      checked++
    }
    expect(checked).toBeGreaterThan(30)
  })
})

describe('hostile input', () => {
  const file = () =>
    [...htmlPages.keys()].find(
      (f) => f.startsWith('au-canberra/vi/thong-tin-doi-ngoai/') && textContent(findOne((e) => e.name === 'h1', page(f).children) ?? page(f)) === NASTY_TITLE,
    )

  it('a title with quotes, ampersands, markup, emoji and RTL text survives intact in HTML, JSON-LD, feeds and sitemaps', () => {
    const f = file()
    expect(f, 'article page with the exact title').toBeTruthy()
    const doc = page(f!)
    expect(textContent(findOne((e) => e.name === 'title', doc.children)!)).toContain(NASTY_TITLE)
    expect(jsonLd(doc)[0]!.headline).toBe(NASTY_TITLE)
    // The markup in the title created no element, and "</script>" closed no script.
    expect(els(doc, (e) => e.name === 'b')).toEqual([])
    expect(els(doc, (e) => e.name === 'script')).toHaveLength(2)
    expect(jsonLd(doc)[1]!['@type']).toBe('BreadcrumbList')
    const feed = xml.parse(readFileSync(path.join(site.sitesDir, 'au-canberra/vi/rss.xml'), 'utf8')).rss.channel.item as { title: string }[]
    expect(feed.map((i) => i.title)).toContain(NASTY_TITLE)
    expect(XMLValidator.validate(readFileSync(path.join(site.sitesDir, 'au-canberra/sitemap-vi.xml'), 'utf8'))).toBe(true)
  })

  it('markup typed into the body is shown as text, never run', () => {
    const doc = page(file()!)
    expect(els(doc, (e) => e.name === 'script' && attr(e, 'type') !== 'application/ld+json')).toEqual([])
    expect(els(doc, (e) => Object.keys(e.attribs).some((a) => a.startsWith('on')))).toEqual([])
    expect(textContent(doc)).toContain('<script>alert("body")</script>')
  })

  it('an empty summary falls back to the start of the body for the description', () => {
    const doc = page(file()!)
    const description = els(doc, (e) => e.name === 'meta' && attr(e, 'name') === 'description').map((e) => attr(e, 'content'))[0]
    expect(description).toMatch(/^<script>alert\("body"\)<\/script>/)
    expect(els(doc, (e) => e.name === 'p' && attr(e, 'class') === 'lead')).toEqual([])
  })
})

describe('search index', () => {
  it('a Pagefind index exists per mission and locale, in that language', () => {
    for (const code of ['au-canberra', 'jp-osaka', 'eg-cairo']) {
      for (const locale of ['vi', 'en']) {
        const entry = JSON.parse(readFileSync(path.join(site.sitesDir, code, locale, 'pagefind', 'pagefind-entry.json'), 'utf8'))
        expect(Object.keys(entry.languages)).toEqual([locale])
        expect(entry.languages[locale].page_count).toBeGreaterThan(3)
      }
    }
  })
})
