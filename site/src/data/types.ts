/** The content contract between the export step (pipeline/) and the Astro site. */
export type LocaleCode = string

export type ExportedImage = {
  alt: string
  caption?: string | null
  credit?: string | null
  width: number
  height: number
  /** Paths relative to the mission's site root, e.g. media/ab12cd-960.webp */
  sources: { type: string; srcset: string }[]
  fallback: string
  og?: string
  /** Byte size of the Open Graph image (RSS enclosures need a length). */
  ogBytes?: number
}

export type ExportedMission = {
  code: string
  name: Record<LocaleCode, string>
  kind: string
  hostCountry: string
  city: Record<LocaleCode, string>
  timeZone: string
  locales: LocaleCode[]
  defaultLocale: LocaleCode
  /** Absolute public URL of the mission's site, ending with "/". */
  siteUrl: string
}

export type ExportedArticle = {
  id: number
  mission: string
  locale: LocaleCode
  section: string
  title: string
  slug: string
  summary: string
  bodyHtml: string
  /** The body as plain text (descriptions when the summary is empty). */
  bodyText?: string
  publishedAt: string
  updatedAt: string
  hero: ExportedImage | null
  /** Slugs of the translations published for this mission, by locale (includes this locale). */
  translations: Record<LocaleCode, string>
  /** Withdrawn articles keep their page, with this public notice, but leave listings, feeds, sitemaps and search. */
  withdrawn?: { at: string; reason: string } | null
  /** Public notes of major updates, oldest first ("Updated 3 May 2026: …"). */
  changeNotes?: { date: string; note: string }[]
  /** Set when this translation predates the latest change of its source text. */
  sourceUpdated?: { locale: LocaleCode; at: string } | null
}
