import { uiKey } from '#core/uiStrings'
import type { ExportedArticle, ExportedMission } from '#core/exportContract'
import { useTranslations } from '../i18n'
import { absoluteUrl, articlePath, assetPath, homePath, sectionPath } from './urls'

/**
 * JSON for a <script type="application/ld+json">: "<" is escaped so that no title or
 * summary can close the script element ("</script>" in a headline stays inert).
 */
export const jsonLdScript = (data: object) => JSON.stringify(data).replace(/</g, '\\u003c')

export function publisher(m: ExportedMission, locale: string) {
  return { '@type': 'GovernmentOrganization', name: m.name[locale] ?? m.name[m.defaultLocale], url: absoluteUrl(m, homePath(m, locale)) }
}

/** Open Graph locale (language_TERRITORY) of a content locale. */
const ogLocales: Record<string, string> = { vi: 'vi_VN', en: 'en_GB', ar: 'ar_AR' }
export const ogLocale = (locale: string) => ogLocales[locale] ?? locale

export function newsArticleLd(m: ExportedMission, a: ExportedArticle) {
  const url = absoluteUrl(m, articlePath(m, a))
  // Without a hero, the section's generated card: rich results require an image.
  const card = m.cards?.[a.locale]?.sections[a.section]
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: a.title,
    ...(a.summary ? { description: a.summary } : {}),
    datePublished: a.publishedAt,
    dateModified: a.updatedAt,
    inLanguage: a.locale,
    articleSection: useTranslations(a.locale)(uiKey('section', a.section, 'name')),
    ...(a.hero
      ? { image: [a.hero.og, a.hero.fallback].filter((x): x is string => !!x).map((p) => absoluteUrl(m, assetPath(m, p))) }
      : card
        ? { image: [absoluteUrl(m, assetPath(m, card))] }
        : {}),
    author: a.byline ? { '@type': 'Person', name: a.byline } : publisher(m, a.locale),
    publisher: publisher(m, a.locale),
  }
}

export function breadcrumbLd(m: ExportedMission, locale: string, trail: { name: string; path: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: absoluteUrl(m, c.path) })),
  }
}

export function articleTrail(m: ExportedMission, a: ExportedArticle) {
  const t = useTranslations(a.locale)
  return [
    { name: t('site.home'), path: homePath(m, a.locale) },
    { name: t(uiKey('section', a.section, 'name')), path: sectionPath(m, a.locale, a.section) },
    { name: a.title, path: articlePath(m, a) },
  ]
}

/** Page description: the summary, or the start of the body text when an editor left it empty. */
export function describe(a: ExportedArticle): string | undefined {
  if (a.summary.trim()) return a.summary.trim()
  const text = (a.bodyText ?? '').replace(/\s+/g, ' ').trim()
  if (!text) return undefined
  return text.length > 200 ? `${text.slice(0, 197).replace(/\s+\S*$/, '')}…` : text
}
