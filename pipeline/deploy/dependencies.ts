import { sectionSlug } from '#core/uiStrings'

/**
 * Which files of a mission's site a content change may alter — the dependency rules of the
 * incremental pipeline (docs/pipeline.md). The pipeline does not trust these rules to skip
 * work: every deploy compares content hashes, so a file outside the rules that did change is
 * still uploaded. The rules bound what *should* change; tests check the hash diff against them.
 */
export type ContentChange =
  /** An article was published, edited while published, unpublished, withdrawn or deleted. */
  | {
      kind: 'article'
      section: string
      /** Locales in which the article is public before or after the change, with its slug there (before and after). */
      slugs: { locale: string; slug: string }[]
      /** True when the article has (or had) a hero image: new derivatives appear under media/. */
      hasImage?: boolean
    }
  /** Mission settings (name, city, locales, URL), UI strings or templates: every page. */
  | { kind: 'mission' }

/** Files every change in a locale touches: the home page, feeds, sitemaps and the search index (Pagefind). */
const isLocaleAggregate = (rest: string) => rest === 'index.html' || /\.(xml|json|txt)$/.test(rest) || /^(feed|rss|atom|search|sitemap|pagefind\/)/.test(rest)

export function dependsOn(change: ContentChange, file: string): boolean {
  if (change.kind === 'mission') return true
  // Site-wide aggregates outside the locale folders: sitemap index, robots.txt, search index.
  if (!file.includes('/')) return /\.(xml|json|txt)$/.test(file)
  // Hashed assets: a new image brings new derivative names; old ones are removed when unused.
  if (file.startsWith('media/')) return Boolean(change.hasImage)
  if (file.startsWith('_astro/')) return false
  const [locale, ...restParts] = file.split('/')
  const rest = restParts.join('/')
  const mine = change.slugs.filter((s) => s.locale === locale)
  if (!mine.length) {
    // A locale where the article is not public only has its fallback pages
    // (<section>/<source locale>/<slug>/, "not available in this language — read it in …").
    const section = sectionSlug(locale!, change.section)
    return change.slugs.some((s) => rest === `${section}/${s.locale}/${s.slug}/index.html`)
  }
  if (isLocaleAggregate(rest)) return true
  const section = sectionSlug(locale!, change.section)
  if (!rest.startsWith(`${section}/`)) return false
  const inSection = rest.slice(section.length + 1)
  // The section listing and its pagination.
  if (inSection === 'index.html' || inSection.startsWith('page/')) return true
  // The article's own page under its old or new slug (the switcher on it lists its translations).
  return mine.some((s) => inSection === `${s.slug}/index.html`)
}

export function dependentFiles(change: ContentChange, files: Iterable<string>): string[] {
  return [...files].filter((f) => dependsOn(change, f))
}
