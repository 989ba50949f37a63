import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { Media, Mission } from '#core/payload-types'
import { mediaOriginals } from './mediaOriginals'
import type { ExportedBlock, ExportedLink, ExportedPage, ExportedSite } from '#core/exportContract'
import { sanitizeBodyHtml } from './sanitize'
import { publicOfMission } from '#core/publicContent'
import type { CardMaker } from './shareCards'

type Loc = Record<string, string>
type AnyRecord = Record<string, any>
const text = (v: unknown): Loc =>
  v && typeof v === 'object' ? Object.fromEntries(Object.entries(v as AnyRecord).filter(([, s]) => typeof s === 'string' && s)) : {}
const idOf = (v: unknown): number | null => (v == null ? null : typeof v === 'object' ? (v as { id: number }).id : Number(v))

const link = (l: AnyRecord): ExportedLink => ({ label: l.label, kind: l.kind, page: idOf(l.page), section: l.section ?? null, url: l.url ?? null })

/**
 * The mission's site settings (title, colour, logo, menus, home layout, consular information,
 * accredited countries), read like everything else the build sees: as an anonymous reader.
 * Missions are public; `all` is the mission record read with locale: 'all' (localized parts per
 * locale) — or, for the settings preview, the unsaved form in that same shape, so a preview
 * renders exactly what a save would publish.
 */
export async function exportSiteSettings(payload: Payload, all: AnyRecord, siteDir: string): Promise<ExportedSite> {
  const perLocale = <T>(value: unknown, map: (v: AnyRecord) => T): Record<string, T[]> =>
    Object.fromEntries(Object.entries((value ?? {}) as Record<string, AnyRecord[] | null>).map(([l, rows]) => [l, (rows ?? []).map(map)]))
  const consular = (all.consular ?? {}) as AnyRecord
  return {
    title: text(all.siteTitle),
    tagline: text(all.tagline),
    accentColour: all.accentColour ?? null,
    logo: await brandFile(payload, idOf(all.logo), siteDir, 'logo'),
    favicon: await brandFile(payload, idOf(all.favicon), siteDir, 'favicon').then((f) => (f ? { src: f.src, type: f.type } : null)),
    social: (all.socialProfiles ?? []).map((s: AnyRecord) => ({ network: s.network, url: s.url })),
    analytics: Boolean(all.analyticsOptIn),
    consular: {
      hotline: consular.hotline ?? null,
      phone: consular.phone ?? null,
      email: consular.email ?? null,
      addresses: (consular.addresses ?? []).map((a: AnyRecord) => ({ label: text(a.label), address: text(a.address) })),
      officeHours: (consular.officeHours ?? []).map((h: AnyRecord) => ({ days: text(h.days), opens: h.opens, closes: h.closes })),
      holidays: (consular.holidays ?? []).map((h: AnyRecord) => ({ date: h.date, name: text(h.name) })),
    },
    headerMenu: perLocale(all.headerMenu, link),
    footerMenu: perLocale(all.footerMenu, link),
    homeLayout: perLocale(all.homeLayout, (b): ExportedBlock => ({
      blockType: b.blockType,
      heading: b.heading ?? null,
      section: b.section ?? null,
      count: b.count ?? null,
      articles: Array.isArray(b.articles) ? b.articles.map(idOf).filter((x: number | null): x is number => x !== null) : undefined,
      name: b.name ?? null,
      message: b.message ?? null,
      links: Array.isArray(b.links) ? b.links.map(link) : undefined,
    })),
    accredited: (all.accreditedCountries ?? []).map((a: AnyRecord) => ({
      country: a.country,
      relations: text(a.relations),
      consularContact: text(a.consularContact),
    })),
  }
}

/** Copies a logo or favicon (already checked on upload and on save) into the site's media folder. */
async function brandFile(payload: Payload, id: number | null, siteDir: string, what: string) {
  if (id === null) return null
  // The mission record names the file (a settings preview: its unsaved form), and anonymous
  // readers may fetch only media published content already uses, which a new logo is not yet.
  const media = (await payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true, disableErrors: true })) as Media | null
  if (!media?.filename) return null
  const source = await mediaOriginals().read(media, `The ${what}`)
  const name = `brand-${what}-${media.filename}`
  mkdirSync(path.join(siteDir, 'media'), { recursive: true })
  writeFileSync(path.join(siteDir, 'media', name), source)
  return { src: `media/${name}`, width: media.width ?? 0, height: media.height ?? 0, type: media.mimeType ?? 'image/png' }
}

/** Published static pages, one JSON file per page and locale, read as an anonymous reader. */
export async function exportPages(payload: Payload, mission: Mission, locales: string[], missionDir: string, makeCard?: CardMaker): Promise<number> {
  const slugs = new Map<number, Record<string, string>>()
  const byLocale = new Map<string, AnyRecord[]>()
  for (const locale of locales) {
    const found = await payload.find({
      collection: 'pages',
      locale: locale as 'vi',
      fallbackLocale: false,
      draft: false,
      overrideAccess: false,
      depth: 0,
      pagination: false,
      where: publicOfMission('mission', mission.id),
    })
    const docs = found.docs.filter((d) => d.slug) as AnyRecord[]
    byLocale.set(locale, docs)
    for (const d of docs) slugs.set(d.id, { ...slugs.get(d.id), [locale]: d.slug })
  }
  let count = 0
  for (const [locale, docs] of byLocale) {
    const dir = path.join(missionDir, 'pages', locale)
    mkdirSync(dir, { recursive: true })
    for (const d of docs) {
      const page = exportedPage(d, mission.code, locale, slugs.get(d.id) ?? {})
      if (makeCard) page.card = await makeCard(locale, page.title)
      writeFileSync(path.join(dir, `${d.id}.json`), JSON.stringify(page))
      count++
    }
  }
  return count
}

/** One page in one locale as the site reads it (also used for a draft by the page preview). */
export function exportedPage(d: AnyRecord, missionCode: string, locale: string, translations: Record<string, string>): ExportedPage {
  return {
    id: d.id,
    mission: missionCode,
    locale,
    kind: d.kind,
    title: d.title,
    slug: d.slug,
    summary: d.summary ?? '',
    bodyHtml: d.body ? sanitizeBodyHtml(convertLexicalToHTML({ data: d.body, disableContainer: true })) : '',
    updatedAt: d.updatedAt,
    translations,
    ...(d.kind === 'accessibility' || d.kind === 'privacy'
      ? {
          statement: {
            conformance: d.statement?.conformance ?? null,
            contact: d.statement?.contact ?? null,
            reviewedAt: d.statement?.reviewedAt ?? null,
            retention: d.statement?.retention ?? null,
          },
        }
      : {}),
  }
}
