import type { ExportedArticle, ExportedMission } from '#core/exportContract'
import { sectionSlug, useTranslations } from '../i18n'

/**
 * The URL scheme of a mission site (see docs/site.md):
 *   /<locale>/                                   home
 *   /<locale>/<section-slug>/[page/<n>/]         section listing; archive pages numbered from the oldest
 *   /<locale>/<section-slug>/<slug>/             article
 *   /<locale>/<section-slug>/<source-locale>/<source-slug>/
 *                                                fallback page: the article is not published in <locale>
 *   /<locale>/<search-slug>/                     search
 *   /<locale>/rss.xml, /<locale>/<section-slug>/rss.xml   feeds
 *   /sitemap.xml, /sitemap-<locale>.xml, /robots.txt
 */

/** Path prefix of a mission's site: "/" on its own domain, "/<code>/" on the local server. */
export const basePath = (m: ExportedMission) => new URL(m.siteUrl).pathname

export const rootPath = (m: ExportedMission) => basePath(m)
export const homePath = (m: ExportedMission, locale: string) => `${basePath(m)}${locale}/`
/** A section's own page, or one of its archive pages (numbered from the oldest: routing/pagination.ts). */
export const sectionPath = (m: ExportedMission, locale: string, section: string, page?: number) =>
  `${homePath(m, locale)}${sectionSlug(locale, section)}/${page ? `page/${page}/` : ''}`
export const articlePath = (m: ExportedMission, a: Pick<ExportedArticle, 'locale' | 'section' | 'slug'>) => `${sectionPath(m, a.locale, a.section)}${a.slug}/`
/** Where a reader of `locale` lands for an article that is only published in `source.locale`. */
export const fallbackPath = (m: ExportedMission, locale: string, source: Pick<ExportedArticle, 'locale' | 'section' | 'slug'>) =>
  `${sectionPath(m, locale, source.section)}${source.locale}/${source.slug}/`
export const searchPath = (m: ExportedMission, locale: string) => `${homePath(m, locale)}${useTranslations(locale)('search.slug')}/`
export const feedPath = (m: ExportedMission, locale: string, section?: string) => `${section ? sectionPath(m, locale, section) : homePath(m, locale)}rss.xml`
export const sitemapPath = (m: ExportedMission, locale?: string) => `${basePath(m)}${locale ? `sitemap-${locale}.xml` : 'sitemap.xml'}`
export const assetPath = (m: ExportedMission, relative: string) => `${basePath(m)}${relative}`
export const absoluteUrl = (m: ExportedMission, path: string) => new URL(path, m.siteUrl).href

/**
 * The locale an untranslated article is offered in: the mission's default locale when the
 * article is published there, else the first locale it is published in.
 */
export function sourceLocale(m: ExportedMission, translations: Record<string, string>): string {
  if (translations[m.defaultLocale]) return m.defaultLocale
  return m.locales.find((l) => translations[l]) ?? Object.keys(translations)[0]!
}
