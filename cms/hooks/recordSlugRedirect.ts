import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { idOf, idsOf } from '../access/roles'
import { keepingLocale } from '#core/nestedRead'
import { articleSitePath, pageSitePath } from '#core/sitePaths'

type Doc = Record<string, any>
type Target = 'articles' | 'pages'

const liveArticleStates = ['published', 'withdrawn']

/** Where a document's page is in `locale` (relative to the mission root), or null if it has none there. */
function sitePath(collection: Target, doc: Doc, locale: string): string | null {
  if (!doc?.slug) return null
  if (collection === 'pages') return pageSitePath(locale, doc.slug)
  return doc.section ? articleSitePath(locale, doc.section, doc.slug) : null
}

// Articles and pages share the workflow's states: live is the same set for both.
const isLive = (doc: Doc | null | undefined) => Boolean(doc) && liveArticleStates.includes(doc!.workflow?.state ?? 'draft')

/**
 * A published article or page whose URL changes (new slug, or an article moved to another
 * section) keeps its old URL as a 301 to the document, so old links never 404. Runs on every
 * write that publishes a locale, inside its transaction: if the save fails, no redirect is left.
 * A redirect pointing at the document (not at a path) follows later slug changes by itself;
 * a redirect whose old address is the document's new one is removed, so it cannot loop.
 */
export const recordSlugRedirect: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, operation, req }) => {
  const target = collection.slug as Target
  const locale = req.locale
  if (operation !== 'update' || data._status !== 'published' || !originalDoc?.id || !locale || locale === 'all') return data
  const live = (await keepingLocale(req, () =>
    req.payload.findByID({
      collection: target,
      id: originalDoc.id,
      locale: locale as 'vi',
      fallbackLocale: false,
      draft: false,
      depth: 0,
      // Only what the URL and liveness need: no join (the article's history) is read on every publish.
      select: target === 'pages' ? { slug: true, workflow: true, mission: true } : { slug: true, section: true, workflow: true, missions: true },
      overrideAccess: true,
      disableErrors: true,
      req,
    }),
  )) as Doc | null
  const next = { ...originalDoc, ...data } as Doc
  if (!isLive(live) || !isLive(next)) return data
  const before = sitePath(target, live!, locale)
  const after = sitePath(target, next, locale)
  if (!before || !after || before === after) return data
  const missions = target === 'pages' ? [idOf(live!.mission)].filter((m): m is number => m !== undefined) : idsOf(live!.missions)
  for (const mission of missions)
    await pointAt(req, { mission, from: before, to: { relationTo: target, value: Number(originalDoc.id) }, locale, origin: 'slug-change', freed: after })
  return data
}

/**
 * Makes `from` (in `mission`) redirect to the document; removes a redirect of `freed`, the
 * document's own new address. Shared by the slug-change hook and the importer.
 */
export async function pointAt(
  req: PayloadRequest,
  r: { mission: number; from: string; to: { relationTo: Target; value: number }; locale: string; origin: 'slug-change' | 'import'; freed?: string },
): Promise<'created' | 'updated' | 'unchanged'> {
  const find = (from: string) =>
    keepingLocale(req, () =>
      req.payload.find({
        collection: 'redirects',
        where: { and: [{ mission: { equals: r.mission } }, { from: { equals: from } }] },
        depth: 0,
        limit: 1,
        pagination: false,
        overrideAccess: true,
        req,
      }),
    )
  if (r.freed) {
    const stale = (await find(r.freed)).docs[0]
    if (stale) await req.payload.delete({ collection: 'redirects', id: stale.id, overrideAccess: true, depth: 0, context: { skipRebuild: true }, req })
  }
  const data = {
    from: r.from,
    mission: r.mission,
    to: { type: 'reference' as const, reference: r.to },
    locale: r.locale as 'vi',
    type: '301' as const,
    origin: r.origin,
  }
  const existing = (await find(r.from)).docs[0] as Doc | undefined
  if (!existing) {
    await req.payload.create({ collection: 'redirects', data, overrideAccess: true, depth: 0, context: { skipRebuild: true }, req })
    return 'created'
  }
  const ref = existing.to?.reference
  if (existing.to?.type === 'reference' && ref?.relationTo === r.to.relationTo && idOf(ref.value) === r.to.value && existing.locale === r.locale)
    return 'unchanged'
  await req.payload.update({ collection: 'redirects', id: existing.id, data, overrideAccess: true, depth: 0, context: { skipRebuild: true }, req })
  return 'updated'
}
