import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { ExportedLink, ExportedMission, ExportedPage } from '#core/exportContract'
import { rtlLocales } from '#core/locales'
import { homePath, sectionPath } from '../routing/urls'
import { siteBuild } from '#core/config'
import { legalPath, type LegalDoc } from './legal'

/** Mission site settings, static pages and accredited countries, from the exported JSON. */
const contentDir = () => siteBuild.contentDir()
const pageCache = new Map<string, ExportedPage[]>()

/** Kinds of page shown at the site's legal addresses (site/src/data/legal.ts), not under info/. */
const legalKinds = new Set(['accessibility', 'privacy'])

/** Published static pages of a mission in one locale (not the accessibility statement or privacy notice). */
export const pages = (mission: string, locale: string): ExportedPage[] => allPages(mission, locale).filter((p) => !legalKinds.has(p.kind))

/** The mission's own accessibility statement or privacy notice in this locale, if it published one (the lowest id when several). */
export const legalPage = (mission: string, locale: string, kind: 'accessibility' | 'privacy'): ExportedPage | undefined =>
  allPages(mission, locale).find((p) => p.kind === kind)

/** Every published page of a mission in one locale, the legal ones included (what menus may link to). */
export function allPages(mission: string, locale: string): ExportedPage[] {
  const key = `${mission}/${locale}`
  const cached = pageCache.get(key)
  if (cached) return cached
  const dir = path.join(contentDir(), mission, 'pages', locale)
  const list = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ExportedPage)
        .sort((a, b) => a.id - b.id)
    : []
  pageCache.set(key, list)
  return list
}

/** A localized setting in this locale, else in the mission's default locale. */
export const localized = (m: ExportedMission, value: Record<string, string> | undefined, locale: string): string | undefined =>
  value?.[locale] || value?.[m.defaultLocale] || undefined

/** The site's title: the mission admin's title, or the mission's name. */
export const siteName = (m: ExportedMission, locale: string): string => localized(m, m.site?.title, locale) ?? m.name[locale] ?? m.name[m.defaultLocale]!

export const textDirection = (locale: string): 'rtl' | 'ltr' => (rtlLocales.includes(locale) ? 'rtl' : 'ltr')

/** Kinds of static page that show the consular contacts (addresses, hours, holidays) below their text. */
export const showsConsularInfo = (kind: string) => ['consular-services', 'citizen-protection', 'visa'].includes(kind)

export const pagePath = (m: ExportedMission, locale: string, slug: string) => `${homePath(m, locale)}info/${slug}/`
export const countriesPath = (m: ExportedMission, locale: string) => `${homePath(m, locale)}countries/`
export const countryPath = (m: ExportedMission, locale: string, country: string) => `${countriesPath(m, locale)}${country.toLowerCase()}/`

/** Where a menu link goes in this locale; null when its page is not published in the locale (the link is left out). */
export function linkHref(m: ExportedMission, locale: string, link: ExportedLink): string | null {
  if (link.kind === 'external') return link.url ?? null
  if (link.kind === 'section') return link.section ? sectionPath(m, locale, link.section) : null
  const page = allPages(m.code, locale).find((p) => p.id === link.page)
  if (!page) return null
  return legalKinds.has(page.kind) ? legalPath(m, locale, page.kind as LegalDoc) : pagePath(m, locale, page.slug)
}

/** Links of a menu in this locale that lead somewhere. */
export const resolvedLinks = (m: ExportedMission, locale: string, links: ExportedLink[] | undefined) =>
  (links ?? []).flatMap((l) => {
    const href = linkHref(m, locale, l)
    return href ? [{ label: l.label, href, external: l.kind === 'external' }] : []
  })
