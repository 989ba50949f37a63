import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload, Where } from 'payload'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { Article, Media, Mission } from '#core/payload-types'
import { mediaOriginals } from './mediaOriginals'
import { deriveImage } from '../media/derivatives'
import type { ExportedArticle, ExportedImage, ExportedMission } from '#core/exportContract'
import { mediaCacheDir, missionSiteUrl } from '#core/paths'
import { sanitizeBodyHtml } from './sanitize'
import { escapeHtml } from '#core/escapeHtml'
import { sameSource, sourceLocaleOf, sourceTextOf, type SourceText } from '#core/sourceText'
import { exportPages, exportSiteSettings } from './exportSite'
import { exportRedirects } from './exportRedirects'
import { appendArticles } from '#core/articleFiles'
import { inLocale } from '#core/inLocale'
import { publicOfMission } from '#core/publicContent'
import { serverURL } from '#core/config'
import { cardMaker, siteCards } from './shareCards'

const PAGE_SIZE = 100

/** When the live source text differs from what this live translation was made from. */
function sourceUpdated(
  doc: Article,
  locale: string,
  source: Pick<Article, 'title' | 'summary' | 'body' | 'updatedAt'> | null,
): ExportedArticle['sourceUpdated'] {
  const snapshot = doc.translation?.sourceSnapshot as SourceText | null | undefined
  const sourceLocale = sourceLocaleOf(doc)
  if (locale === sourceLocale || !snapshot || !source?.title || sameSource(snapshot, sourceTextOf(source))) return null
  return { locale: sourceLocale, at: source.updatedAt }
}

/** The source-locale text as the public sees it (null if that locale is not public): for one article read on its own. */
export async function publicSourceText(payload: Payload, doc: Article) {
  return payload.findByID({
    collection: 'articles',
    id: doc.id,
    locale: sourceLocaleOf(doc) as 'vi',
    fallbackLocale: false,
    depth: 0,
    overrideAccess: false,
    disableErrors: true,
    select: { title: true, summary: true, body: true, updatedAt: true },
  })
}

/**
 * Reads what the public may see — as an anonymous reader (overrideAccess: false, no user),
 * so access control, not this code, decides which article is public in which locale — and
 * writes the site's data (articles as JSON lines per locale). Each locale's copy is taken with
 * fallbackLocale: false, so a missing translation is absent rather than shown in Vietnamese.
 */
export async function exportMission(
  payload: Payload,
  mission: Mission,
  contentDir: string,
  siteDir: string,
  options: { unsavedSettings?: Record<string, unknown> } = {},
) {
  const missionDir = path.join(contentDir, mission.code)
  mkdirSync(missionDir, { recursive: true })
  const all = (await payload.findByID({ collection: 'missions', id: mission.id, locale: 'all', depth: 0, overrideAccess: false })) as unknown as {
    name: Record<string, string>
    city: Record<string, string>
  }
  // The settings preview replaces the stored settings with the unsaved form (same shape).
  const settings = options.unsavedSettings ?? all
  const exported: ExportedMission = {
    code: mission.code,
    name: all.name,
    kind: mission.kind,
    hostCountry: mission.hostCountry,
    city: all.city,
    timeZone: mission.timeZone,
    locales: mission.enabledLocales as string[],
    defaultLocale: mission.defaultLocale,
    siteUrl: missionSiteUrl(mission.code, mission.siteUrl),
    site: await exportSiteSettings(payload, settings, siteDir),
    subscribeAction: `${serverURL.replace(/\/+$/, '')}/api/subscriptions/subscribe`,
  }
  const makeCard = cardMaker(exported, siteDir)
  exported.cards = await siteCards(exported, makeCard)
  await exportPages(payload, mission, exported.locales, missionDir, makeCard)
  await exportRedirects(payload, mission, missionDir)
  writeFileSync(path.join(missionDir, 'mission.json'), JSON.stringify(exported))

  // Pass 1, per locale and access-controlled: which article is public in which locale, under which slug.
  const slugs = new Map<number, Record<string, string>>()
  for (const locale of exported.locales) {
    for await (const doc of publishedArticles(payload, mission.id, locale, 0, { slug: true })) {
      if (!doc.slug) continue
      slugs.set(doc.id, { ...slugs.get(doc.id), [locale]: doc.slug })
    }
  }
  // Local touches on syndicated articles: declined items are skipped, intros and images replace.
  const overrides = new Map<number, { declined?: boolean | null }>()
  for (const locale of exported.locales) {
    const found = await payload.find({
      collection: 'article-overrides',
      where: { mission: { equals: mission.id } },
      locale: locale as 'vi',
      fallbackLocale: false,
      depth: 1,
      pagination: false,
      overrideAccess: false,
    })
    for (const o of found.docs) {
      const article = typeof o.article === 'object' ? o.article.id : o.article
      // The replacement image is read in each locale: its alt text and caption are localized.
      overrides.set(article, { ...overrides.get(article), declined: o.declined, [`hero:${locale}`]: o.heroImage, [`intro:${locale}`]: o.intro })
    }
  }

  // Pass 2: each article's content in all its locales at once (one read instead of one per
  // locale), written one page of query results at a time. Only the locales pass 1 found public
  // are used: with locale 'all' the where clause matches an article public in any locale.
  const fields = payload.collections.articles.config.flattenedFields
  const fieldsOf = (slug: string) => payload.collections[slug as 'media']?.config.flattenedFields
  let pages = 0
  const batches = new Map<string, ExportedArticle[]>(exported.locales.map((l) => [l, []]))
  for await (const all of publishedArticles(payload, mission.id, 'all', 1, articleFieldsForSite)) {
    const local = overrides.get(all.id) as Record<string, unknown> | undefined
    const live = slugs.get(all.id)
    if (!live || local?.declined) continue
    // The article as read in each locale it is public in; the source locale's view, if public, is the translations' original.
    const views = new Map(Object.keys(live).map((l) => [l, inLocale<Article>(fields, all, l, fieldsOf)]))
    const source = views.get(sourceLocaleOf(all)) ?? null
    for (const [locale, batch] of batches) {
      const doc = views.get(locale)
      if (!doc) continue
      // Name the article in any failure, so the press officer knows what to fix.
      const article = await exportArticle(doc, mission, locale, siteDir, slugs, local, source).catch((error: unknown) => {
        throw new Error(
          `Article #${doc.id} "${doc.title}" (${locale}) of ${mission.code} cannot be built: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        )
      })
      batch.push(article)
      pages++
      if (batch.length >= PAGE_SIZE) appendArticles(missionDir, locale, batch.splice(0))
    }
  }
  for (const [locale, batch] of batches) appendArticles(missionDir, locale, batch)
  return { articlePages: pages }
}

export async function exportArticle(
  doc: Article,
  mission: Mission,
  locale: string,
  siteDir: string,
  slugs: Map<number, Record<string, string>>,
  local: Record<string, unknown> | undefined,
  /** The article's source-locale text if that locale is public (for "the original has been updated"). */
  source: Pick<Article, 'title' | 'summary' | 'body' | 'updatedAt'> | null,
): Promise<ExportedArticle> {
  const intro = local?.[`intro:${locale}`] as string | undefined
  return {
    id: doc.id,
    mission: mission.code,
    locale,
    section: doc.section,
    title: doc.title,
    slug: doc.slug!,
    summary: doc.summary ?? '',
    byline: doc.byline?.trim() || null,
    bodyHtml: (intro ? `<p class="local-intro">${escapeHtml(intro)}</p>` : '') + (doc.body ? await bodyHtml(doc, mission, locale, siteDir) : ''),
    bodyText: doc.body ? convertLexicalToPlaintext({ data: doc.body }) : '',
    publishedAt: doc.publishedAt ?? doc.createdAt,
    updatedAt: doc.updatedAt,
    hero: await exportImage((local?.[`hero:${locale}`] as Article['heroImage']) ?? doc.heroImage, siteDir, `article #${doc.id} "${doc.title}"`),
    translations: slugs.get(doc.id) ?? { [locale]: doc.slug! },
    withdrawn: doc.workflow?.state === 'withdrawn' ? { at: doc.workflow.withdrawnAt ?? doc.updatedAt, reason: doc.workflow.withdrawalReason ?? '' } : null,
    changeNotes: (doc.changeNotes ?? []).map((n) => ({ date: n.date, note: n.note })),
    sourceUpdated: sourceUpdated(doc, locale, source),
    countries: doc.countries ?? [],
    event: doc.event?.startsAt ? { startsAt: doc.event.startsAt, endsAt: doc.event.endsAt ?? null, venue: doc.event.venue || null } : null,
  }
}

/**
 * The body through the allow-list; images of the media library in it (upload nodes, populated at
 * the export's depth) are added after it, as markup built here from their derivatives and alt text.
 */
async function bodyHtml(doc: Article, mission: Mission, locale: string, siteDir: string): Promise<string> {
  const images: Media[] = []
  const html = sanitizeBodyHtml(
    convertLexicalToHTML({
      data: doc.body as SerializedEditorState,
      disableContainer: true,
      converters: ({ defaultConverters }) => ({
        ...defaultConverters,
        upload: (args) => {
          const value = (args.node as { value?: unknown }).value
          // Other files (a PDF) stay as Payload renders them (a link), through the allow-list.
          if (!value || typeof value !== 'object' || !(value as Media).mimeType?.startsWith('image/'))
            return typeof defaultConverters.upload === 'function' ? defaultConverters.upload(args) : ''
          // Read with locale 'all', the populated image keeps its localized fields as { vi, en }.
          const of = (v: unknown) => (v && typeof v === 'object' ? ((v as Record<string, string | null>)[locale] ?? null) : (v as string | null))
          images.push({ ...(value as Media), alt: of((value as Media).alt) ?? '', caption: of((value as Media).caption) })
          return `<p>${BODY_IMAGE}${images.length - 1}</p>`
        },
      }),
    }),
  )
  if (!images.length) return html
  const base = new URL(missionSiteUrl(mission.code, mission.siteUrl)).pathname
  const figures = await Promise.all(
    images.map(async (media) => {
      const image = await exportImage(media, siteDir, `article #${doc.id} "${doc.title}"`)
      if (!image) return ''
      const srcset = image.sources.find((s) => s.type === 'image/jpeg')?.srcset.replace(/media\//g, `${base}media/`) ?? ''
      return `<figure class="body-image"><img src="${base}${image.fallback}" srcset="${escapeHtml(srcset)}" sizes="(min-width: 48rem) 48rem, 100vw" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt)}" loading="lazy" decoding="async">${image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : ''}</figure>`
    }),
  )
  return html.replace(new RegExp(`<p>${BODY_IMAGE}(\\d+)</p>`, 'g'), (_, i: string) => figures[Number(i)] ?? '')
}

/** Stands in for a body image while the HTML passes the allow-list (text the editor cannot produce). */
const BODY_IMAGE = '\u2063body-image:'

/** Articles of a mission public in the query's locale (access control would filter the rest anyway). */
const publicArticlesOf = (missionId: number): Where => publicOfMission('missions', missionId)

/** How many articles of a mission are public in the default locale: the build's estimate of its size. */
export async function countPublishedArticles(payload: Payload, missionId: number): Promise<number> {
  const { totalDocs } = await payload.count({ collection: 'articles', where: publicArticlesOf(missionId), overrideAccess: false })
  return totalDocs
}

/**
 * The fields a site page shows (exportArticle). Leaving out the rest matters for speed: with
 * depth 1, `missions` would populate whole mission records and `history` would run a query for
 * each article's workflow events.
 */
const articleFieldsForSite = {
  title: true,
  slug: true,
  summary: true,
  byline: true,
  body: true,
  section: true,
  sourceLocale: true,
  workflow: true,
  changeNotes: true,
  translation: true,
  countries: true,
  event: true,
  heroImage: true,
  publishedAt: true,
  updatedAt: true,
  createdAt: true,
} as const

async function* publishedArticles(payload: Payload, missionId: number, locale: string, depth: number, select?: Partial<Record<keyof Article, true>>) {
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection: 'articles',
      locale: locale as 'vi' | 'all',
      fallbackLocale: false,
      draft: false,
      overrideAccess: false,
      depth,
      select,
      page,
      limit: PAGE_SIZE,
      // Page by page without a total: each page would otherwise run a count query as costly as the page.
      pagination: false,
      sort: '-publishedAt',
      where: publicArticlesOf(missionId),
      // Anonymous, but the export may read translation snapshots ("the original was updated"): cms/fields/workflow.ts.
      context: { siteExport: true },
    })
    yield* result.docs as Article[]
    if (result.docs.length < PAGE_SIZE) return
  }
}

/**
 * Missions export concurrently, and one image (same article in several missions, or the same
 * file uploaded twice) would otherwise be derived twice at once into the same cache entry. Image
 * derivation runs one at a time in this process (sharp uses every core for each image anyway);
 * the second request then finds the cached result.
 */
let derivations: Promise<unknown> = Promise.resolve()
function deriveOnce(source: Buffer, focal: { x?: number | null; y?: number | null }) {
  const run = derivations.then(() => deriveImage(source, mediaCacheDir, focal, mediaOriginals().derivatives))
  derivations = run.catch(() => {})
  return run
}

/** Copies an image's cached derivatives into the mission's site and describes them for <picture>. */
async function exportImage(value: Article['heroImage'], siteDir: string, owner: string): Promise<ExportedImage | null> {
  if (!value || typeof value !== 'object') return null
  const media = value as Media
  if (!media.filename) return null
  const source = await mediaOriginals().read(media, `Hero image of ${owner}:`)
  const d = await deriveOnce(source, { x: media.focalX, y: media.focalY })
  const outDir = path.join(siteDir, 'media')
  mkdirSync(outDir, { recursive: true })
  for (const f of [...d.files.map((x) => x.name), d.og]) {
    const target = path.join(outDir, f)
    if (!existsSync(target)) copyFileSync(path.join(mediaCacheDir, d.hash, f), target)
  }
  const types = ['image/avif', 'image/webp', 'image/jpeg'] as const
  const jpegs = d.files.filter((f) => f.type === 'image/jpeg')
  const largest = jpegs[jpegs.length - 1]!
  return {
    alt: media.alt ?? '',
    caption: media.caption,
    credit: media.credit,
    width: largest.width,
    height: Math.round((d.height / d.width) * largest.width),
    sources: types.map((type) => ({
      type,
      srcset: d.files
        .filter((f) => f.type === type)
        .map((f) => `media/${f.name} ${f.width}w`)
        .join(', '),
    })),
    fallback: `media/${largest.name}`,
    og: `media/${d.og}`,
    ogBytes: statSync(path.join(mediaCacheDir, d.hash, d.og)).size,
  }
}
