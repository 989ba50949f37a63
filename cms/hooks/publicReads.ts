import type { CollectionAfterReadHook, CollectionBeforeOperationHook } from 'payload'
import { isLiveState } from '#core/publicContent'

/**
 * Anonymous reads with `locale=all` see only the live locales of a document. The read rule
 * (core/publicContent.ts) admits a document when one locale is live; without this, the same
 * answer would carry the stored text of its unpublished or never-published locales.
 * Bookkeeping fields are hidden by field access (cms/fields/workflow.ts).
 */
export const onlyLiveLocalesForAnonymous: CollectionAfterReadHook = ({ doc, req, collection, overrideAccess }) => {
  // Trusted code reading with overrideAccess (jobs, scripts, tests) is not an anonymous reader.
  if (req.user || overrideAccess || req.locale !== 'all' || !doc || typeof doc !== 'object') return doc
  const workflow = (doc.workflow ?? {}) as Record<string, { state?: string } | null>
  const live = new Set(Object.keys(workflow).filter((l) => isLiveState(workflow[l]?.state)))
  for (const field of collection.flattenedFields) {
    if (!('localized' in field) || !field.localized) continue
    const value = doc[field.name]
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue
    for (const locale of Object.keys(value)) if (!live.has(locale)) delete (value as Record<string, unknown>)[locale]
  }
  return doc
}

/** Anonymous readers never read drafts (`?draft=true`): only the live copy is theirs. */
export const noDraftsForAnonymous: CollectionBeforeOperationHook = ({ args, operation, req, overrideAccess }) => {
  if (!req.user && !overrideAccess && operation === 'read') args.draft = false
  return args
}
