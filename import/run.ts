import { createHash, randomBytes } from 'node:crypto'
import pLimit from 'p-limit'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest, type Where } from 'payload'
import { editorConfigFactory, type SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { Mission, User } from '#core/payload-types'
import { sections, type Section } from '#core/locales'
import { articleSitePath, isSitePath } from '#core/sitePaths'
import { runTransition } from '../cms/workflow/transition'
import { systemActor } from '../cms/workflow/verb'
import { convertBody, decodeEntities, IMAGE_MARKER, summaryOf, type Converted } from './content'
import { MediaProblem, readAttachment, uploadImage } from './media'
import { attachmentsByParent, attachmentsOfItem, oldPath, oldPathsOf, planImport, type Group, type Member } from './plan'
import type { Source, SourceItem } from './sources'
import { ImportReport, type ItemType } from './report'

export type ImportOptions = {
  mission: string
  source: Source
  /** Where the source came from (file or URL), for the report. */
  origin: string
  locale?: string
  /** Category/tag slug or name → section. */
  sectionMap?: Record<string, string>
  mediaDir?: string
  as: 'draft' | 'published'
  dryRun?: boolean
  limit?: number
  log?: (line: string) => void
}

/** The account that published imported content, named in the audit log; it cannot log in (random password, never shown, and locked). */
export const IMPORT_ACTOR_EMAIL = 'importer@mission-publisher.invalid'

export class ImportError extends Error {}

/**
 * Items imported at once, each in its own transaction on its own connection: the database works
 * on one item while this process converts the next. Slugs are made unique within the run
 * before any write (planImport), so concurrent items cannot take the same slug.
 */
const IMPORT_CONCURRENCY = 4

type Existing = {
  id: number
  importSource?: { key?: string | null; items?: Record<string, { hash?: string }> | null } | null
  workflow?: { state?: string | null } | null
} & Record<string, any>

/**
 * Imports one parsed source into one mission. Each source item (a post with its translations,
 * or a page) is written in its own transaction: a failure leaves nothing of that item and the
 * run goes on. Items are found again by their source GUID (importSource.key), so a second run
 * updates what changed and creates nothing twice, and an interrupted run is resumed by running
 * it again.
 */
export async function runImport(payload: Payload, options: ImportOptions): Promise<ImportReport> {
  const log = options.log ?? ((l: string) => console.log(l))
  const mission = (await payload.find({ collection: 'missions', where: { code: { equals: options.mission } }, depth: 0, limit: 1, overrideAccess: true }))
    .docs[0] as Mission | undefined
  if (!mission) {
    const known = (await payload.find({ collection: 'missions', depth: 0, pagination: false, select: { code: true }, overrideAccess: true })).docs.map(
      (m) => m.code,
    )
    throw new ImportError(`Unknown mission "${options.mission}". Known missions: ${known.join(', ') || '(none: run npm run seed or create one in the admin)'}.`)
  }
  const locales = mission.enabledLocales as string[]
  const locale = options.locale ?? mission.defaultLocale
  if (!locales.includes(locale))
    throw new ImportError(`Mission ${mission.code} does not publish "${locale}" (it publishes ${locales.join(', ')}); choose --locale among those.`)
  const sectionMap = checkSectionMap(options.sectionMap ?? {})

  const source = options.source
  const plan = planImport(source, { locales, defaultLocale: mission.defaultLocale, locale, limit: options.limit })
  const report = new ImportReport({ mission: mission.code, origin: options.origin, format: source.format, as: options.as, dryRun: Boolean(options.dryRun) })
  for (const s of plan.skipped) report.skip(s.kind === 'page' ? 'page' : 'post', s.reason, s.url)
  for (const p of plan.problems) report.problem(p.url, p.message)

  const config = await payload.config
  const editorConfig = await editorConfigFactory.default({ config })
  const byParent = attachmentsByParent(plan.attachments)
  const actor = options.as === 'published' && !options.dryRun ? await importActor(payload, mission.id) : null
  const unmapped = new Map<string, number>()
  const usedCategories = new Map<string, Section>()
  const mediaCache = new Map<string, number | null>()
  const started = Date.now()
  const progress = report.progress(plan.groups.length, log)
  let changedSomething = false
  const stickyIds: number[] = []

  const known = { articles: await importedBefore(payload, 'articles', mission.id), pages: await importedBefore(payload, 'pages', mission.id) }
  const slugs = await slugsOfMission(payload, mission.id, plan.groups)
  const liveStates = options.as === 'published' ? await liveImported(payload, known, plan.groups) : new Map<string, Set<number>>()
  const limit = pLimit(IMPORT_CONCURRENCY)
  await Promise.all(
    plan.groups.map((group) =>
      limit(async () => {
        const type: ItemType = group.kind === 'page' ? 'page' : 'post'
        const url = group.primary.item.link || group.primary.item.guid
        const section = sectionOf(group.primary.item, sectionMap, unmapped)
        if (type === 'post')
          for (const t of group.primary.item.terms.filter((t) => t.domain === 'category'))
            if (t.slug) usedCategories.set(t.slug, sectionMap[t.slug] ?? sectionMap[t.name] ?? section)
        const uploaded = new Map<string, number | null>()
        const importedId: { value?: number } = {}
        const ctx: Context = {
          mission,
          options,
          editorConfig,
          source,
          plan,
          byParent,
          actor,
          mediaCache,
          uploaded,
          report,
          importedId,
          known,
          slugs,
          liveStates,
        }
        const item = { group, type, section, url }
        // The conversion (CPU only) before the item's transaction takes a connection.
        let mapped: Mapped[] | 'unchanged'
        try {
          mapped = prepareGroup(item, ctx)
        } catch (error) {
          report.fail(type, url, error instanceof Error ? error.message : String(error))
          progress.tick()
          return
        }
        if (mapped === 'unchanged') {
          if (group.members.some((m) => m.item.sticky) && typeof importedId.value === 'number') stickyIds.push(importedId.value)
          report.count(type, 'unchanged')
          progress.tick()
          return
        }
        // One rebuild at the end, no subscriber mail for an archive (cms/subscriptions/queue.ts).
        const req = await createLocalReq({ context: { skipRebuild: true, noSubscriberMail: true } }, payload)
        await initTransaction(req)
        try {
          const outcome = await importGroup(req, item, mapped, ctx)
          if (options.dryRun) await killTransaction(req)
          else await commitTransaction(req)
          // Images become reusable by other items once their item is committed.
          for (const [u, id] of uploaded) mediaCache.set(u, id)
          if (group.members.some((m) => m.item.sticky) && typeof importedId.value === 'number') stickyIds.push(importedId.value)
          report.count(type, outcome)
          if (outcome !== 'unchanged') changedSomething = true
        } catch (error) {
          await killTransaction(req)
          report.fail(type, url, error instanceof Error ? error.message : String(error))
        }
        progress.tick()
      }),
    ),
  )
  progress.done()

  if (!options.dryRun && usedCategories.size) await categoryRedirects(payload, mission, usedCategories, report)
  // One rebuild of the mission's site for the whole import (the jobs runner of npm start takes it).
  if (!options.dryRun && (changedSomething || report.counts.redirect.created || report.counts.redirect.updated)) {
    await payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions: [mission.id] } })
  }
  for (const [name, n] of unmapped) report.problem(`category "${name}"`, `not in --section-map: ${n} item(s) went to the default section "news"`)
  if (stickyIds.length && !options.dryRun) await pinSticky(payload, mission, stickyIds, report)
  report.finish((Date.now() - started) / 1000)
  return report
}

type Context = {
  mission: Mission
  options: ImportOptions
  editorConfig: SanitizedServerEditorConfig
  source: Source
  plan: ReturnType<typeof planImport>
  byParent: Map<string, SourceItem[]>
  actor: User | null
  mediaCache: Map<string, number | null>
  /** Images uploaded by the current item (shared once it is committed). */
  uploaded: Map<string, number | null>
  report: ImportReport
  /** The current item's document id, once known. */
  importedId: { value?: number }
  /** What earlier runs imported into this mission: importSource.key → id, hero and per-locale hashes. */
  known: Record<'articles' | 'pages', Map<string, Known>>
  slugs: Slugs
  /** `--as published`: per locale, the imported documents whose latest revision is published there. */
  liveStates: Map<string, Set<number>>
}

type Known = { id: number; heroImage: number | null; items: Record<string, { hash?: string; heroUrl?: string }> }

type Mapped = {
  locale: string
  member: Member
  data: Record<string, unknown>
  hash: string
  oldPaths: string[]
  heroUrl: string | null
  heroAlt: string | null
  /** Images of the body, in order; each stands in the body as a marker paragraph until uploaded. */
  images: Converted['images']
}

type Item = { group: Group; type: ItemType; section: Section; url: string }

/**
 * What an item will be, before its transaction: 'unchanged' when every locale's source hash is
 * the stored one and nothing is left to publish (a re-run, or resuming an interrupted one: no
 * conversion, no query), else the converted locales.
 */
function prepareGroup(item: Item, ctx: Context): Mapped[] | 'unchanged' {
  const { group, type } = item
  const known = ctx.known[type === 'page' ? 'pages' : 'articles'].get(group.key)
  ctx.importedId.value = known?.id
  if (known) {
    const stored = known.items
    const live = (locale: string) => ctx.liveStates.get(locale)?.has(known.id) ?? false
    const same = group.members.every((m) => stored[m.locale]?.hash === sourceHash(m, item.section, ctx))
    if (same && (ctx.options.as === 'draft' || group.members.every((m) => live(m.locale)))) return 'unchanged'
  }
  return group.members.map((member) => mapMember(member, item, ctx))
}

async function importGroup(req: PayloadRequest, item: Item, mapped: Mapped[], ctx: Context): Promise<'created' | 'updated' | 'unchanged'> {
  const { group, type } = item
  const collection = type === 'page' ? 'pages' : 'articles'
  const existing = ctx.known[collection].get(group.key)
  const stored = existing?.items ?? {}
  const changed = mapped.filter((m) => stored[m.locale]?.hash !== m.hash)
  const wantLive = ctx.options.as === 'published'
  const liveNow = (locale: string) => (existing ? (ctx.liveStates.get(locale)?.has(existing.id) ?? false) : false)
  const toPublish = wantLive ? mapped.filter((m) => changed.includes(m) || !liveNow(m.locale)).map((m) => m.locale) : []
  ctx.importedId.value = existing?.id
  if (existing && !changed.length && !toPublish.length) return 'unchanged'

  const problems = mapped.flatMap((m) => (m.data.__problems as string[]).map((p) => ({ url: m.member.item.link || m.member.item.guid, p })))
  for (const { url, p } of problems) ctx.report.problem(url, p)
  if (ctx.options.dryRun) return existing ? 'updated' : 'created'

  // The hero image, shared by the locales; alt text per locale.
  let hero: number | null = null
  const heroSource = mapped.find((m) => m.heroUrl)
  const storedHero = Object.values(stored).find((i) => i.heroUrl)
  if (type === 'post' && heroSource?.heroUrl) {
    hero = storedHero?.heroUrl === heroSource.heroUrl && existing?.heroImage ? existing.heroImage : await heroImage(req, heroSource, mapped, ctx)
  }

  const importSource = {
    key: group.key,
    system: ctx.source.system,
    items: Object.fromEntries(
      mapped.map((m) => [m.locale, { guid: m.member.item.guid, url: m.member.item.link, modified: m.member.item.modified, heroUrl: m.heroUrl, hash: m.hash }]),
    ),
  }
  const shared =
    type === 'page'
      ? { mission: ctx.mission.id, kind: 'other' }
      : {
          missions: [ctx.mission.id],
          section: item.section,
          sourceLocale: group.primary.locale,
          // The author of the original (WXR dc:creator as its display name, RSS author, Atom author/name): one byline for every language.
          byline: group.primary.item.authors[0]?.slice(0, 200) || null,
          ...(hero !== null ? { heroImage: hero } : {}),
        }

  for (const m of existing ? changed : mapped) await placeBodyImages(req, m, ctx)

  let id = existing?.id
  for (const m of existing ? changed : mapped) {
    const { __problems: _, ...fields } = m.data
    const data: Record<string, unknown> = { ...fields, ...shared, importSource }
    // As a person's edit does: a changed locale that was live goes back to draft and through the workflow again.
    if (type === 'post' && existing) data.workflow = { state: 'draft' }
    if (type === 'page' && wantLive) data._status = 'published'
    id = await writeWithFreeSlug(req, collection, id, m, data, ctx)
  }
  if (existing && !changed.length && type === 'page' && wantLive) {
    for (const locale of toPublish) {
      await req.payload.update({ collection: 'pages', id: id!, locale: locale as 'vi', data: { _status: 'published' }, overrideAccess: true, req })
    }
  }

  // Published imports go through the workflow: submitted by the import, published by the import actor (second eyes hold).
  if (type === 'post' && wantLive) {
    for (const locale of toPublish) {
      const note = `Imported from ${ctx.source.system === 'wordpress' ? 'WordPress' : 'a feed'}: ${mapped.find((m) => m.locale === locale)?.member.item.link ?? ''}`
      // Submitted by the importer (a named system actor), published by the import's reviewer account.
      for (const [action, who] of [
        ['submit', null],
        ['publish', ctx.actor],
      ] as const) {
        const result = await runTransition(
          { ...req, user: who } as PayloadRequest,
          id!,
          { locale, action, note },
          // The importer shows no workflow view: skipping it spares ~20 reads per transition.
          { view: false, ...(who ? {} : { actor: systemActor('importer') }) },
        )
        if (result.status !== 200) {
          const message = (result.body.errors as { message: string }[] | undefined)?.[0]?.message ?? `HTTP ${result.status}`
          throw new ImportError(`${action} "${locale}" refused by the workflow: ${message}`)
        }
      }
    }
  }

  ctx.importedId.value = id
  // Old addresses → the new page, per locale.
  await importRedirects(req, ctx, collection, id!, mapped)
  return existing ? 'updated' : 'created'
}

/**
 * The item's old paths → the document, in one query for what exists and adapter-level inserts
 * for what is new: imports write thousands of redirects, and the collection's own create (its
 * per-row uniqueness query and hooks) would be most of an item's time. The checks it skips are
 * made here: paths are validated and looked up in the mission first, in the item's transaction.
 */
async function importRedirects(req: PayloadRequest, ctx: Context, collection: 'articles' | 'pages', id: number, mapped: Mapped[]) {
  const wanted = new Map<string, string>() // from → locale
  for (const m of mapped) for (const from of m.oldPaths) if (isSitePath(from) && !wanted.has(from)) wanted.set(from, m.locale)
  if (!wanted.size) return
  const existing = await req.payload.find({
    collection: 'redirects',
    where: { and: [{ mission: { equals: ctx.mission.id } }, { from: { in: [...wanted.keys()] } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byFrom = new Map(existing.docs.map((d) => [d.from, d]))
  const fresh: { from: string; locale: string }[] = []
  for (const [from, locale] of wanted) {
    const data = {
      from,
      mission: ctx.mission.id,
      to: { type: 'reference' as const, reference: { relationTo: collection, value: id } },
      locale: locale as 'vi',
      type: '301' as const,
      origin: 'import' as const,
    }
    const found = byFrom.get(from)
    if (!found) {
      fresh.push({ from, locale })
      continue
    }
    const ref = found.to?.reference as { relationTo?: string; value?: unknown } | undefined
    if (
      found.to?.type === 'reference' &&
      ref?.relationTo === collection &&
      Number(typeof ref.value === 'object' ? (ref.value as { id: number }).id : ref.value) === id &&
      found.locale === locale
    ) {
      ctx.report.redirect('unchanged')
      continue
    }
    await req.payload.update({ collection: 'redirects', id: found.id, data, depth: 0, overrideAccess: true, req, context: { skipRebuild: true } })
    ctx.report.redirect('updated')
  }
  await insertRedirects(req, ctx.mission.id, collection, id, fresh)
  for (const _ of fresh) ctx.report.redirect('created')
}

/**
 * New redirects of one item in two statements (the rows, then their links to the document) on
 * the item's transaction, instead of a Payload create per row (an insert, the link, a read back each).
 */
async function insertRedirects(req: PayloadRequest, missionId: number, collection: 'articles' | 'pages', id: number, rows: { from: string; locale: string }[]) {
  if (!rows.length) return
  const adapter = req.payload.db as unknown as {
    drizzle: DrizzleLike
    sessions: Record<string, { db: DrizzleLike } | undefined>
    tables: Record<string, Record<string, unknown>>
  }
  const tx = (req.transactionID && adapter.sessions[String(await req.transactionID)]?.db) || adapter.drizzle
  const { redirects, redirects_rels: rels } = adapter.tables
  const inserted = await tx
    .insert(redirects)
    .values(rows.map((r) => ({ from: r.from, mission: missionId, to_type: 'reference', locale: r.locale, type: '301', origin: 'import' })))
    .returning({ id: redirects!.id })
  await tx
    .insert(rels)
    .values(inserted.map((r) => ({ parent: r.id, path: 'to.reference', order: null, [collection === 'pages' ? 'pagesID' : 'articlesID']: id })))
}

type DrizzleLike = {
  insert: (table: unknown) => {
    values: (rows: Record<string, unknown>[]) => Promise<unknown> & { returning: (cols: Record<string, unknown>) => Promise<{ id: number }[]> }
  }
}

const inMission = (collection: 'articles' | 'pages', missionId: number): Where =>
  collection === 'pages' ? { mission: { equals: missionId } } : { missions: { in: [missionId] } }
const importedWhere = (collection: 'articles' | 'pages', missionId: number): Where => ({
  and: [{ 'importSource.key': { exists: true } }, inMission(collection, missionId)],
})
const localesOf = (groups: Group[], kind: Group['kind']) => [...new Set(groups.filter((g) => g.kind === kind).flatMap((g) => g.members.map((m) => m.locale)))]

/** Everything imported into the mission before, in one read: each item is then found without a query of its own. */
async function importedBefore(payload: Payload, collection: 'articles' | 'pages', missionId: number): Promise<Map<string, Known>> {
  const found = await payload.find({
    collection,
    where: importedWhere(collection, missionId),
    draft: true,
    depth: 0,
    pagination: false,
    select: collection === 'pages' ? { importSource: true } : { importSource: true, heroImage: true },
    overrideAccess: true,
  })
  return new Map(
    found.docs.map((d) => {
      const doc = d as Existing
      const hero = doc.heroImage as number | { id: number } | null | undefined
      return [
        doc.importSource!.key as string,
        { id: doc.id, heroImage: hero == null ? null : typeof hero === 'object' ? hero.id : hero, items: (doc.importSource?.items ?? {}) as Known['items'] },
      ]
    }),
  )
}

/** Per locale, the imported documents whose latest revision is published there: one read per locale instead of one per item. */
async function liveImported(payload: Payload, known: Context['known'], groups: Group[]): Promise<Map<string, Set<number>>> {
  const live = new Map<string, Set<number>>()
  for (const collection of ['articles', 'pages'] as const) {
    if (!known[collection].size) continue
    const ids = [...known[collection].values()].map((k) => k.id)
    for (const locale of localesOf(groups, collection === 'pages' ? 'page' : 'post')) {
      const found = await payload.find({
        collection,
        where: { id: { in: ids } },
        locale: locale as 'vi',
        fallbackLocale: false,
        draft: true,
        depth: 0,
        pagination: false,
        select: { workflow: true },
        overrideAccess: true,
      })
      const set = live.get(locale) ?? new Set<number>()
      for (const d of found.docs) if ((d as Existing).workflow?.state === 'published') set.add(d.id as number)
      live.set(locale, set)
    }
  }
  return live
}

/**
 * The slugs used in the mission (drafts included, as the slug field's own check sees them) and
 * those this run plans, per collection and locale, read once: an item then finds a free slug
 * without a query, and concurrent items cannot take the same one.
 */
type Slugs = { taken: Map<string, number>; planned: Map<string, string> }
const slugKey = (collection: string, locale: string, slug: string) => `${collection}:${locale}:${slug}`

async function slugsOfMission(payload: Payload, missionId: number, groups: Group[]): Promise<Slugs> {
  const taken = new Map<string, number>()
  const planned = new Map<string, string>()
  for (const collection of ['articles', 'pages'] as const) {
    const kind = collection === 'pages' ? 'page' : 'post'
    for (const g of groups) if (g.kind === kind) for (const m of g.members) planned.set(slugKey(collection, m.locale, m.slug), g.key)
    for (const locale of localesOf(groups, kind)) {
      const found = await payload.find({
        collection,
        where: inMission(collection, missionId),
        locale: locale as 'vi',
        fallbackLocale: false,
        draft: true,
        depth: 0,
        pagination: false,
        select: { slug: true },
        overrideAccess: true,
      })
      for (const d of found.docs) {
        const slug = (d as { slug?: string | null }).slug
        if (slug) taken.set(slugKey(collection, locale, slug), d.id as number)
      }
    }
  }
  return { taken, planned }
}

/** Bump when the conversion changes what it makes of the same source: every item is then updated once. */
const CONVERSION_VERSION = 3

/** A hash of everything an item's import is made from: equal hashes, nothing to update. */
function sourceHash(member: Member, section: Section, ctx: Context): string {
  const src = member.item
  const thumb = src.meta._thumbnail_id ? ctx.plan.attachments.get(src.meta._thumbnail_id) : undefined
  const related = attachmentsOfItem(src, ctx.plan.attachments, ctx.byParent).map((a) => [a.id, a.link])
  return createHash('sha1')
    .update(
      JSON.stringify([
        CONVERSION_VERSION,
        src.title,
        member.slug,
        src.excerpt,
        src.html,
        section,
        src.date,
        src.modified,
        src.link,
        src.guid,
        src.authors,
        src.imageUrl,
        thumb?.attachmentUrl,
        thumb?.meta._wp_attachment_image_alt,
        thumb?.title,
        related,
      ]),
    )
    .digest('hex')
}

/** One source item as the fields of one locale, with a hash of everything imported (change detection). */
function mapMember(member: Member, item: { group: Group; type: ItemType; section: Section }, ctx: Context): Mapped {
  const src = member.item
  const converted = convertBody(src.html, ctx.editorConfig)
  const problems = [...converted.problems]
  const title = decodeEntities(src.title).trim() || `(untitled ${item.type} ${src.id ?? src.guid})`
  if (!src.title.trim()) problems.push('has no title: imported as "(untitled …)"')
  const { summary } = summaryOf(src.excerpt, converted.html)
  const slug = member.slug
  const thumb = src.meta._thumbnail_id ? ctx.plan.attachments.get(src.meta._thumbnail_id) : undefined
  const heroUrl = item.type === 'post' ? (thumb?.attachmentUrl ?? src.imageUrl ?? converted.images[0]?.src ?? null) : null
  const heroAlt = thumb ? thumb.meta._wp_attachment_image_alt?.trim() || null : (converted.images[0]?.alt?.trim() ?? null)
  const heroTitle = thumb ? decodeEntities(thumb.title).trim() : ''
  if (src.meta._thumbnail_id && !thumb) problems.push(`featured image #${src.meta._thumbnail_id} is not in the export`)
  const related = attachmentsOfItem(src, ctx.plan.attachments, ctx.byParent)
  const oldPaths = oldPathsOf(src, ctx.source.siteUrl, related)
  const data: Record<string, unknown> = {
    title,
    slug,
    summary,
    body: converted.lexical,
    ...(item.type === 'post' ? { publishedAt: src.date ?? undefined } : {}),
    __problems: problems,
  }
  const hash = sourceHash(member, item.section, ctx)
  return { locale: member.locale, member, data, hash, oldPaths, heroUrl, heroAlt: heroAlt ?? (heroTitle || null), images: converted.images }
}

/**
 * Creates or updates one locale; a slug already used in the mission (drafts included, as the
 * slug field's own check sees them; read once, slugsOfMission) gets -2, -3… and is reported.
 * Checked here because draft saves skip field validation: the clash would otherwise surface
 * only when publishing.
 */
async function writeWithFreeSlug(
  req: PayloadRequest,
  collection: 'articles' | 'pages',
  id: number | undefined,
  m: Mapped,
  data: Record<string, unknown>,
  ctx: Context,
): Promise<number> {
  const base = String(data.slug)
  const groupKey = (data.importSource as { key: string }).key
  const used = (s: string) => {
    const k = slugKey(collection, m.locale, s)
    const owner = ctx.slugs.taken.get(k)
    const plannedBy = ctx.slugs.planned.get(k)
    return (owner !== undefined && owner !== id) || (plannedBy !== undefined && plannedBy !== groupKey)
  }
  let slug = base
  for (let n = 2; used(slug); n++) slug = `${base}-${n}`
  // Taken at once (before the write's await), so no concurrent item picks it too.
  ctx.slugs.planned.set(slugKey(collection, m.locale, slug), groupKey)
  if (slug !== base)
    ctx.report.problem(
      m.member.item.link || m.member.item.guid,
      `slug "${base}" is already used in "${m.locale}" by another ${collection === 'pages' ? 'page' : 'article'} of the mission: imported as "${slug}"`,
    )
  const args = {
    collection,
    locale: m.locale as 'vi',
    data: { ...data, slug } as never,
    draft: collection === 'articles' || data._status !== 'published',
    depth: 0,
    select: { id: true } as never,
    overrideAccess: true,
    req,
    context: { skipRebuild: true },
  }
  const doc = id === undefined ? await req.payload.create(args) : await req.payload.update({ ...args, id })
  const written = (doc as { id: number }).id
  ctx.slugs.taken.set(slugKey(collection, m.locale, slug), written)
  return written
}

async function heroImage(req: PayloadRequest, source: Mapped, mapped: Mapped[], ctx: Context): Promise<number | null> {
  const url = source.heroUrl!
  if (ctx.mediaCache.has(url)) return ctx.mediaCache.get(url)!
  if (ctx.uploaded.has(url)) return ctx.uploaded.get(url)!
  const where = source.member.item.link || source.member.item.guid
  let alt = source.heroAlt
  const guessed =
    !source.heroAlt || source.heroAlt === decodeEntities(ctx.plan.attachments.get(source.member.item.meta._thumbnail_id ?? '')?.title ?? '').trim()
  const altProblem = `hero image alt text ${alt ? `taken from the image's title ("${alt}")` : 'missing: set to the article title'}; review it`
  if (guessed) alt ||= String(source.data.title)
  const altByLocale = Object.fromEntries(mapped.map((m) => [m.locale, m === source ? alt! : (m.heroAlt ?? alt!)]))
  let id: number | null = null
  try {
    const file = await readAttachment(url, ctx.options.mediaDir)
    id = await uploadImage(req, file, altByLocale)
    if (guessed) ctx.report.problem(where, altProblem)
  } catch (error) {
    if (!(error instanceof MediaProblem)) throw error
    ctx.report.problem(where, `hero image not imported: ${error.message}`)
  }
  ctx.uploaded.set(url, id)
  return id
}

type LexicalNode = { type: string; text?: string; children?: LexicalNode[] } & Record<string, unknown>

/**
 * The body's images into the media library of the mission (one upload per source URL, reused by
 * every item and locale), each put in place of its marker paragraph as an upload node; an image
 * that cannot be read or is refused by the upload checks is reported and left out.
 */
async function placeBodyImages(req: PayloadRequest, m: Mapped, ctx: Context) {
  if (!m.images.length) return
  const where = m.member.item.link || m.member.item.guid
  const ids: (number | null)[] = []
  for (const image of m.images) ids.push(await bodyImage(req, image, m, ctx, where))
  const place = (nodes: LexicalNode[]): LexicalNode[] =>
    nodes.flatMap((node) => {
      const only = node.type === 'paragraph' && node.children?.length === 1 ? node.children[0]! : null
      const text = only?.type === 'text' ? (only.text ?? '').trim() : ''
      if (text.startsWith(IMAGE_MARKER)) {
        const id = ids[Number(text.slice(IMAGE_MARKER.length))]
        return id ? [{ type: 'upload', version: 3, format: '', id: randomBytes(12).toString('hex'), fields: null, relationTo: 'media', value: id }] : []
      }
      if (node.children) node.children = place(node.children)
      return [node]
    })
  const root = (m.data.body as { root?: LexicalNode } | undefined)?.root
  if (root?.children) root.children = place(root.children)
}

async function bodyImage(req: PayloadRequest, image: { src: string; alt: string }, m: Mapped, ctx: Context, where: string): Promise<number | null> {
  const url = image.src
  const known = ctx.mediaCache.has(url) ? ctx.mediaCache.get(url)! : ctx.uploaded.has(url) ? ctx.uploaded.get(url)! : undefined
  // Read (or refused) before, as this or another item's hero or body image: reported for this item too.
  if (known === null) ctx.report.problem(where, `body image ${url} not imported: it could not be read or was refused (see its first report)`)
  if (known !== undefined) return known
  const attachment = [...ctx.plan.attachments.values()].find((a) => a.attachmentUrl === url)
  let alt = image.alt.trim() || attachment?.meta._wp_attachment_image_alt?.trim() || ''
  if (!alt) {
    alt = decodeEntities(attachment?.title ?? '').trim() || String(m.data.title)
    ctx.report.problem(where, `body image ${url}: no alt text, set to "${alt}"; review it`)
  }
  let id: number | null = null
  try {
    id = await uploadImage(req, await readAttachment(url, ctx.options.mediaDir), { [m.locale]: alt })
  } catch (error) {
    if (!(error instanceof MediaProblem)) throw error
    ctx.report.problem(where, `body image not imported: ${error.message}`)
  }
  ctx.uploaded.set(url, id)
  return id
}

function checkSectionMap(map: Record<string, string>): Record<string, Section> {
  for (const [k, v] of Object.entries(map)) {
    if (!sections.includes(v as Section)) throw new ImportError(`--section-map: "${k}" → "${v}" is not a section; use one of ${sections.join(', ')}.`)
  }
  return map as Record<string, Section>
}

/** The first category or tag (slug, then name) found in the map; unmapped categories are counted for the report. */
function sectionOf(item: SourceItem, map: Record<string, Section>, unmapped: Map<string, number>): Section {
  const terms = item.terms.filter((t) => t.domain === 'category' || t.domain === 'post_tag')
  for (const t of terms) {
    const hit = map[t.slug] ?? map[t.name]
    if (hit) return hit
  }
  const first = terms.find((t) => t.domain === 'category' && t.slug !== 'uncategorized')
  if (item.kind === 'post' && first) unmapped.set(first.slug || first.name, (unmapped.get(first.slug || first.name) ?? 0) + 1)
  return 'news'
}

/** Category archives and their feeds → the section listing and its feed, in the mission's default language. */
async function categoryRedirects(payload: Payload, mission: Mission, categories: Map<string, Section>, report: ImportReport) {
  const locale = mission.defaultLocale
  const req = await createLocalReq({ context: { skipRebuild: true } }, payload)
  for (const [slug, section] of categories) {
    const listing = articleSitePath(locale, section, '').replace(/\/\/$/, '/')
    for (const [from, to] of [
      [`/category/${slug}/`, listing],
      [`/category/${slug}/feed/`, `${listing}rss.xml`],
    ] as const) {
      const found = (
        await payload.find({
          collection: 'redirects',
          where: { and: [{ mission: { equals: mission.id } }, { from: { equals: from } }] },
          depth: 0,
          limit: 1,
          overrideAccess: true,
          req,
        })
      ).docs[0]
      const data = { from, mission: mission.id, to: { type: 'custom' as const, url: to }, type: '301' as const, origin: 'import' as const }
      if (!found) {
        await payload.create({ collection: 'redirects', data, overrideAccess: true, req, context: { skipRebuild: true } })
        report.redirect('created')
      } else if (found.to?.type !== 'custom' || found.to.url !== to) {
        await payload.update({ collection: 'redirects', id: found.id, data, overrideAccess: true, req, context: { skipRebuild: true } })
        report.redirect('updated')
      } else report.redirect('unchanged')
    }
  }
}

/**
 * Sticky posts → the home page's Featured block (articles have no "featured" flag): pinned first,
 * in every language whose home layout has that block, up to its six places; reported otherwise.
 */
async function pinSticky(payload: Payload, mission: Mission, ids: number[], report: ImportReport) {
  let pinned = false
  for (const locale of mission.enabledLocales as string[]) {
    const doc = await payload.findByID({
      collection: 'missions',
      id: mission.id,
      locale: locale as 'vi',
      fallbackLocale: false,
      depth: 0,
      overrideAccess: true,
    })
    const layout = doc.homeLayout ?? []
    const block = layout.find((b) => b.blockType === 'featured')
    if (!block) continue
    const current = (block.articles ?? []).map((a) => (typeof a === 'object' ? a.id : a))
    const next = [...new Set([...ids, ...current])].slice(0, 6)
    if (JSON.stringify(next) === JSON.stringify(current)) continue
    block.articles = next
    await payload.update({
      collection: 'missions',
      id: mission.id,
      locale: locale as 'vi',
      data: { homeLayout: layout },
      depth: 0,
      overrideAccess: true,
      context: { skipRebuild: true },
    })
    pinned = true
  }
  report.problem(
    'sticky posts',
    pinned
      ? `${ids.length} sticky post(s) pinned in the home page's Featured block`
      : `${ids.length} sticky post(s): the home page has no Featured block to pin them in; add one in the mission's Home page tab`,
  )
}

/** The import's named actor, a reviewer of the mission (the right to publish there and nothing else). */
async function importActor(payload: Payload, missionId: number): Promise<User> {
  const found = (await payload.find({ collection: 'users', where: { email: { equals: IMPORT_ACTOR_EMAIL } }, depth: 0, limit: 1, overrideAccess: true }))
    .docs[0] as User | undefined
  const membership = { mission: missionId, role: 'reviewer' as const }
  if (!found) {
    return (await payload.create({
      collection: 'users',
      data: {
        email: IMPORT_ACTOR_EMAIL,
        name: 'Importer (npm run import)',
        password: randomBytes(32).toString('base64url'),
        memberships: [membership],
        lockUntil: '9999-12-31T00:00:00.000Z',
      },
      overrideAccess: true,
    })) as User
  }
  const memberships = (found.memberships ?? []).map((m) => ({ mission: typeof m.mission === 'object' ? m.mission.id : m.mission, role: m.role }))
  if (memberships.some((m) => m.mission === missionId && m.role === 'reviewer')) return found
  return (await payload.update({
    collection: 'users',
    id: found.id,
    data: { memberships: [...memberships, membership] },
    overrideAccess: true,
  })) as User
}

export { oldPath }
