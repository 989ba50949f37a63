import { type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook } from 'payload'
import { refusal } from '../lib/errors'
import { canOnArticle, idsOf, translatableLocales } from '../access/roles'
import { keepingLocale } from '#core/nestedRead'

/**
 * Fields shared by all locales: a translator must leave them as they are. Dotted paths reach
 * into groups: the event's dates are shared, its venue is per language (so not listed).
 */
const sharedFields = ['section', 'missions', 'heroImage', 'publishedAt', 'event.startsAt', 'event.endsAt'] as const
const dateFields: ReadonlySet<string> = new Set(['publishedAt', 'event.startsAt', 'event.endsAt'])

/** The value at a dotted path, and whether the incoming data carries it at all. */
const at = (data: Record<string, unknown> | undefined, dotted: string): { present: boolean; value: unknown } => {
  let node: unknown = data
  for (const key of dotted.split('.')) {
    if (!node || typeof node !== 'object' || !(key in node)) return { present: false, value: undefined }
    node = (node as Record<string, unknown>)[key]
  }
  return { present: true, value: node }
}

// The admin sends dates back in whatever ISO form it holds ("…Z" vs "….000Z"): compare instants.
const instant = (v: unknown) => (v == null || v === '' ? null : new Date(v as string).getTime())
const same = (a: unknown, b: unknown, isDate = false) => (isDate ? instant(a) === instant(b) : JSON.stringify(idsOrValue(a)) === JSON.stringify(idsOrValue(b)))
const idsOrValue = (v: unknown) => (Array.isArray(v) ? idsOf(v).sort() : typeof v === 'object' && v && 'id' in v ? (v as { id: unknown }).id : (v ?? null))

/**
 * Checks what collection access cannot see: the incoming data. Runs inside the save
 * transaction, so a refusal changes nothing. System writes (seed, jobs: no user) pass.
 */
export const enforceArticleRights: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req, context }) => {
  const user = req.user
  // The workflow service (cms/workflow/transition.ts) has checked rights for its own writes.
  if (!user || context.workflowService) return data
  const target = idsOf(data.missions)
  const before = idsOf(originalDoc?.missions)

  // Concurrent edits (If-Match, 409): cms/hooks/optimisticConcurrency.ts.

  if (operation === 'create') {
    if (!canOnArticle(user, 'create', target)) {
      throw refusal('You may only create articles for missions where you are a press officer, reviewer or mission admin.')
    }
  } else if (!canOnArticle(user, 'update', before)) {
    // Translators: only their assigned locales, and nothing shared between locales.
    if (!canOnArticle(user, 'translate', before)) throw refusal('You may not edit this article.')
    const locale = req.locale ?? ''
    if (!translatableLocales(user, before).includes(locale)) {
      throw refusal(`You are not assigned to translate into "${locale}" for this article's missions.`)
    }
    const changed = sharedFields.filter((f) => {
      const incoming = at(data, f)
      return incoming.present && !same(incoming.value, at(originalDoc, f).value, dateFields.has(f))
    })
    if (changed.length) throw refusal(`Translators cannot change fields shared by all languages: ${changed.join(', ')}.`)
  }
  if (operation === 'update' && !same(target, before) && !canOnArticle(user, 'update', target)) {
    throw refusal('You may not assign this article to a mission you do not work for.')
  }
  // A person's restore is always a draft (cms/hooks/restoreAsDraft.ts); the version's own status does not apply.
  if (context.isRestoringVersion) data._status = 'draft'
  if (data._status === 'published' || context.askedToPublish) {
    throw refusal(
      canOnArticle(user, 'publish', target)
        ? 'Publish through the workflow, one language at a time: POST /api/articles/:id/workflow {"locale":"vi","action":"publish"}.'
        : 'You may not publish this article: save it as a draft and submit it for review.',
    )
  }
  return data
}

export const enforceArticleDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = req.user
  if (!user) return
  const doc = await keepingLocale(req, () => req.payload.findByID({ collection: 'articles', id, depth: 0, draft: true, overrideAccess: true, req }))
  if (!canOnArticle(user, 'delete', idsOf(doc.missions))) throw refusal('You may not delete this article.')
}
