import { Readable } from 'node:stream'
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap'
import { sections } from '#core/locales'
import { listedArticles, pageSize } from '../data/content'
import { countriesPath, countryPath, pagePath, pages } from '../data/site'
import type { ExportedMission } from '#core/exportContract'
import { archivePages } from './pagination'
import { absoluteUrl, articlePath, homePath, rootPath, sectionPath, sitemapPath } from './urls'

const xml = (body: Buffer | string) => new Response(body.toString(), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })

/**
 * One sitemap per locale with xhtml:link alternates between published translations (whose
 * slugs differ per language, which @astrojs/sitemap cannot pair). Fallback, search and
 * error pages are noindex and never listed.
 */
export async function localeSitemap(m: ExportedMission, locale: string) {
  const abs = (p: string) => absoluteUrl(m, p)
  const homes = m.locales.map((l) => ({ lang: l, url: abs(homePath(m, l)) }))
  const list = listedArticles(m.code, locale)
  const items: SitemapItemLoose[] = []
  if (locale === m.defaultLocale) items.push({ url: abs(rootPath(m)), links: [...homes, { lang: 'x-default', url: abs(rootPath(m)) }] })
  items.push({ url: abs(homePath(m, locale)), links: [...homes, { lang: 'x-default', url: abs(rootPath(m)) }], lastmod: list[0]?.updatedAt })
  for (const section of sections) {
    const inSection = list.filter((a) => a.section === section)
    const links = m.locales.map((l) => ({ lang: l, url: abs(sectionPath(m, l, section)) }))
    items.push({ url: abs(sectionPath(m, locale, section)), links, lastmod: inSection[0]?.updatedAt })
    for (const archive of archivePages(inSection, pageSize)) items.push({ url: abs(sectionPath(m, locale, section, archive.page)) })
  }
  for (const a of list) {
    const published = m.locales.filter((l) => a.translations[l])
    items.push({
      url: abs(articlePath(m, a)),
      lastmod: a.updatedAt,
      links:
        published.length > 1 ? published.map((l) => ({ lang: l, url: abs(articlePath(m, { locale: l, section: a.section, slug: a.translations[l]! })) })) : [],
    })
  }
  // Static pages (About, Consular services, …) with their translations, and accredited-country pages.
  for (const p of pages(m.code, locale)) {
    const published = m.locales.filter((l) => p.translations[l])
    items.push({
      url: abs(pagePath(m, locale, p.slug)),
      lastmod: p.updatedAt,
      links: published.length > 1 ? published.map((l) => ({ lang: l, url: abs(pagePath(m, l, p.translations[l]!)) })) : [],
    })
  }
  const accredited = m.site?.accredited ?? []
  if (accredited.length) {
    items.push({ url: abs(countriesPath(m, locale)), links: m.locales.map((l) => ({ lang: l, url: abs(countriesPath(m, l)) })) })
    for (const { country } of accredited) {
      items.push({ url: abs(countryPath(m, locale, country)), links: m.locales.map((l) => ({ lang: l, url: abs(countryPath(m, l, country)) })) })
    }
  }
  const stream = new SitemapStream({ xmlns: { xhtml: true, news: false, video: false, image: false } })
  return xml(await streamToPromise(Readable.from(items).pipe(stream)))
}

export async function sitemapIndex(m: ExportedMission) {
  const stream = new SitemapIndexStream()
  const entries = m.locales.map((l) => ({ url: absoluteUrl(m, sitemapPath(m, l)), lastmod: listedArticles(m.code, l)[0]?.updatedAt }))
  return xml(await streamToPromise(Readable.from(entries).pipe(stream)))
}
