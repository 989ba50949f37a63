import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionBeforeOperationHook } from 'payload'
import { idOf, idsOf } from '../access/roles'
import { defaultLocale } from '#core/locales'
import { sourceTextOf } from '#core/sourceText'
import { keepingLocale } from '#core/nestedRead'
import { readerVisibleFields, sameContent } from '../workflow/revision'
import type { WorkflowCollection } from '../workflow/stateMachine'

/** States that a content edit sends back to draft: the edited revision has not been reviewed by anyone. */
const reviewAgain = ['in_review', 'approved', 'scheduled', 'published', 'unpublished', 'withdrawn']
const translationFields = ['title', 'summary', 'body'] as const

/**
 * Every write by a person outside the workflow's verbs is a draft: REST, GraphQL, duplicate,
 * and the Local API with a user. Payload then saves a new version and leaves the live copy
 * (what readers see) as it is; only cms/workflow/ publishes.
 */
export const draftsOnlyForPeople: CollectionBeforeOperationHook = ({ args, operation, req, context }) => {
  if (!req.user || context?.workflowService) return args
  if (operation === 'update' || operation === 'create') {
    // Asking to publish is refused with a pointer to the workflow (the rights hooks), not silently saved as a draft.
    if ((args.data as { _status?: string } | undefined)?._status === 'published') req.context.askedToPublish = true
    args.draft = true
  }
  return args
}

/**
 * Editors never set workflow state, change notes or translation snapshots themselves:
 * for every save that does not come from the workflow service this hook keeps those
 * fields as they were, sends an edited revision back to draft (also one in review: second eyes
 * bind to the text submitted), and records which source text a translation was written from
 * (staleness, cms/workflow/transition.ts).
 */
export const protectWorkflowFields: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context, collection }) => {
  context.workflowWrite = true
  if (context.workflowService) return data
  const slug = collection.slug as WorkflowCollection
  const locale = req.locale ?? defaultLocale
  const changed = readerVisibleFields[slug].some((f) => f in data && !sameContent(data[f], originalDoc?.[f]))
  const textChanged = translationFields.some((f) => f in data && !sameContent(data[f], originalDoc?.[f]))
  context.contentChanged = changed

  if (req.user) {
    const previous = originalDoc?.workflow?.state ?? 'draft'
    const backToDraft = changed && reviewAgain.includes(previous)
    data.workflow = backToDraft
      ? { ...(originalDoc?.workflow ?? {}), state: 'draft', submittedBy: null, submittedRevision: null, approvedBy: null }
      : { ...(originalDoc?.workflow ?? {}), state: previous }
    if (slug === 'articles') {
      data.changeNotes = originalDoc?.changeNotes ?? []
      data.translation = originalDoc?.translation ?? {}
    }
    if (operation === 'create') data.workflow = { state: 'draft' }
  } else if (data._status === 'published' && !data.workflow?.state) {
    // Trusted scripts (seed, imports, tests) publishing with the Local API and no user publish
    // the locale they write, as Payload's own `_status` would suggest.
    data.workflow = { ...(originalDoc?.workflow ?? {}), state: 'published', changedAt: new Date().toISOString() }
  }

  if (slug !== 'articles') return data
  const sourceLocale = data.sourceLocale ?? originalDoc?.sourceLocale ?? defaultLocale
  if (textChanged && locale !== sourceLocale && originalDoc?.id) {
    const source = await keepingLocale(req, () =>
      req.payload.findByID({
        collection: 'articles',
        id: originalDoc.id,
        locale: sourceLocale,
        fallbackLocale: false,
        draft: true,
        depth: 0,
        overrideAccess: true,
        req,
      }),
    )
    data.translation = { sourceSnapshot: sourceTextOf(source), snapshotAt: new Date().toISOString() }
  }
  return data
}

const eventTarget = (slug: string, id: number | string) => (slug === 'pages' ? { page: Number(id) } : { article: Number(id) })

/** Audit: every content edit by a person is recorded, per locale. */
export const recordEdits: CollectionAfterChangeHook = async ({ doc, req, context, operation, collection }) => {
  if (context.workflowService || !req.user || (!context.contentChanged && operation !== 'create')) return doc
  await req.payload.create({
    collection: 'workflow-events',
    data: {
      ...eventTarget(collection.slug, doc.id),
      documentCollection: collection.slug as WorkflowCollection,
      documentId: doc.id,
      missions: collection.slug === 'pages' ? [idOf(doc.mission)!] : idsOf(doc.missions),
      locale: req.locale ?? defaultLocale,
      action: operation === 'create' ? 'create' : 'edit',
      from: null,
      to: doc.workflow?.state ?? 'draft',
      user: req.user.id,
    },
    overrideAccess: true, // the audit trail is written by the system only
    depth: 0, // the created event is not used: populating it cost a dozen queries per save
    req,
  })
  return doc
}

/**
 * Deleting a document keeps its workflow history: the events are stamped with the document's
 * id and title (the link to the document itself becomes empty), and the deletion is recorded.
 */
export const keepHistoryOfDeleted: CollectionBeforeDeleteHook = async ({ id, req, collection }) => {
  const slug = collection.slug as WorkflowCollection
  const doc = await keepingLocale(req, () =>
    req.payload.findByID({ collection: slug, id, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req }),
  )
  if (!doc) return
  const title = String(doc.title ?? '') || `#${id}`
  const target = slug === 'pages' ? 'page' : 'article'
  await req.payload.update({
    collection: 'workflow-events',
    where: { [target]: { equals: id } },
    data: { documentCollection: slug, documentId: Number(id), documentTitle: title },
    overrideAccess: true,
    req,
  })
  const missions =
    slug === 'pages'
      ? [idOf((doc as { mission?: unknown }).mission)].filter((m): m is number => m !== undefined)
      : idsOf((doc as { missions?: unknown }).missions)
  await req.payload.create({
    collection: 'workflow-events',
    data: {
      documentCollection: slug,
      documentId: Number(id),
      documentTitle: title,
      missions,
      locale: req.locale && req.locale !== 'all' ? req.locale : defaultLocale,
      action: 'delete',
      from: null,
      to: 'deleted',
      user: req.user?.id ?? null,
    },
    overrideAccess: true,
    req,
  })
}
