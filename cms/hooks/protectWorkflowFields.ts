import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import { idsOf } from '../access/roles'
import { sourceTextOf } from '../../core/sourceText'
import { keepingLocale } from '../../core/nestedRead'

const contentFields = ['title', 'summary', 'body'] as const
/** States that a content edit sends back to draft: the new revision needs review again. */
const reviewAgain = ['approved', 'scheduled', 'published', 'unpublished', 'withdrawn']

/**
 * Editors never set workflow state, change notes or translation snapshots themselves:
 * for every save that does not come from the workflow service this hook keeps those
 * fields as they were, sends an edited revision back to draft, and records which source
 * text a translation was written from (staleness, cms/workflow/transition.ts).
 */
export const protectWorkflowFields: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  context.workflowWrite = true
  if (context.workflowService) return data
  const locale = req.locale ?? 'vi'
  const changed = contentFields.some((f) => f in data && JSON.stringify(data[f] ?? null) !== JSON.stringify(originalDoc?.[f] ?? null))
  context.contentChanged = changed

  if (req.user) {
    const previous = originalDoc?.workflow?.state ?? 'draft'
    data.workflow = { ...(originalDoc?.workflow ?? {}), state: changed && reviewAgain.includes(previous) ? 'draft' : previous }
    data.changeNotes = originalDoc?.changeNotes ?? []
    data.translation = originalDoc?.translation ?? {}
    if (operation === 'create') data.workflow = { state: 'draft' }
  } else if (data._status === 'published' && !data.workflow?.state) {
    // Trusted scripts (seed, imports, tests) publishing with the Local API and no user publish
    // the locale they write, as Payload's own `_status` would suggest.
    data.workflow = { ...(originalDoc?.workflow ?? {}), state: 'published', changedAt: new Date().toISOString() }
  }

  const sourceLocale = data.sourceLocale ?? originalDoc?.sourceLocale ?? 'vi'
  if (changed && locale !== sourceLocale && originalDoc?.id) {
    const source = await keepingLocale(req, () =>
      req.payload.findByID({ collection: 'articles', id: originalDoc.id, locale: sourceLocale, fallbackLocale: false, draft: true, depth: 0, overrideAccess: true, req }),
    )
    data.translation = { sourceSnapshot: sourceTextOf(source), snapshotAt: new Date().toISOString() }
  }
  return data
}

/** Audit: every content edit by a person is recorded, per locale. */
export const recordEdits: CollectionAfterChangeHook = async ({ doc, req, context, operation }) => {
  if (context.workflowService || !req.user || (!context.contentChanged && operation !== 'create')) return doc
  await req.payload.create({
    collection: 'workflow-events',
    data: { article: doc.id, missions: idsOf(doc.missions), locale: req.locale ?? 'vi', action: operation === 'create' ? 'create' : 'edit', from: null, to: doc.workflow?.state ?? 'draft', user: req.user.id },
    overrideAccess: true, // the audit trail is written by the system only
    depth: 0, // the created event is not used: populating it cost a dozen queries per save
    req,
  })
  return doc
}
