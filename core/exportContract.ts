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
  /** Site settings (absent in content exported before settings existed). */
  site?: ExportedSite
  /** Generated 1200×630 share cards (site-relative JPEG paths) per locale, for pages without a picture. */
  cards?: Record<LocaleCode, ExportedShareCards>
  /** Where the site's subscription form posts (the CMS's public API, cms/subscriptions/endpoints.ts). */
  subscribeAction?: string
}

export type ExportedShareCards = { home: string; sections: Record<string, string>; countries: string | null }

export type ExportedArticle = {
  id: number
  mission: string
  locale: LocaleCode
  section: string
  title: string
  slug: string
  summary: string
  /** The writer or office shown under the title (and as the NewsArticle's author), when set. */
  byline?: string | null
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
  /** ISO codes of the countries the article is about (accredited-country pages list them). */
  countries?: string[]
  /** Set when the article announces an event: instants (ISO, UTC) and the venue in this locale. */
  event?: ExportedEvent | null
}

export type ExportedEvent = { startsAt: string; endsAt: string | null; venue: string | null }

/** A menu or quick link as the mission admin set it; site/src/routing/links.ts resolves it to a URL. */
export type ExportedLink = { label: string; kind: 'page' | 'section' | 'external'; page?: number | null; section?: string | null; url?: string | null }

/** One home page block (site/src/blocks/<BlockType>.astro renders it). */
export type ExportedBlock = {
  blockType: 'leadStory' | 'latestBySection' | 'featured' | 'headOfMission' | 'consularLinks' | 'contact' | 'upcomingEvents'
  heading?: string | null
  section?: string | null
  /** How many articles (latestBySection) or events (upcomingEvents). */
  count?: number | null
  /** Pinned article ids (featured). */
  articles?: number[]
  name?: string | null
  message?: string | null
  links?: ExportedLink[]
}

type Localized = Record<LocaleCode, string>

/** What the mission admin shaped: title, colours, menus, home layout, consular information. */
export type ExportedSite = {
  title: Localized
  tagline: Localized
  accentColour: string | null
  /** Site-relative paths of the logo and favicon files (e.g. media/brand-logo.png). */
  logo: { src: string; width: number; height: number } | null
  favicon: { src: string; type: string } | null
  social: { network: string; url: string }[]
  analytics: boolean
  consular: {
    hotline: string | null
    phone: string | null
    email: string | null
    addresses: { label: Localized; address: Localized }[]
    officeHours: { days: Localized; opens: string; closes: string }[]
    holidays: { date: string; name: Localized }[]
  }
  headerMenu: Record<LocaleCode, ExportedLink[]>
  footerMenu: Record<LocaleCode, ExportedLink[]>
  homeLayout: Record<LocaleCode, ExportedBlock[]>
  accredited: { country: string; relations: Localized; consularContact: Localized }[]
}

/** A static page (About the mission, Consular services…) published in one locale. */
export type ExportedPage = {
  id: number
  mission: string
  locale: LocaleCode
  kind: string
  title: string
  slug: string
  summary: string
  bodyHtml: string
  updatedAt: string
  /** Slugs of this page by locale, where published. */
  translations: Record<LocaleCode, string>
  /** Generated share card with the page title (site-relative JPEG path). */
  card?: string
  /** The required details of an accessibility statement or privacy notice (kinds `accessibility`, `privacy`). */
  statement?: { conformance: string | null; contact: string | null; reviewedAt: string | null; retention: string | null }
}

/** When an event is over for readers: its end, else its start. */
export const eventOver = (a: { event?: { startsAt?: string | null; endsAt?: string | null } | null }): string | null =>
  a.event?.endsAt || a.event?.startsAt || null
