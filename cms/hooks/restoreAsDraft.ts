import type { CollectionBeforeOperationHook, FieldHook } from 'payload'
import { refusal } from '../lib/errors'
import { localeCodes } from '#core/locales'
import { readerVisibleFields, sameContent } from '../workflow/revision'
import type { WorkflowCollection } from '../workflow/stateMachine'

type AllLocales = Record<string, unknown> & { workflow?: Record<string, Record<string, unknown> | null> }
type Stash = { parent: number; before: AllLocales }

/**
 * Restoring an older version never publishes: a person restores as a draft (`?draft=true`),
 * and the restored draft does not bring back the workflow state of that version (a locale a
 * reviewer has since unpublished would otherwise read "published" again). Each locale keeps
 * its current state, or goes back to draft where the restore changed its text.
 */
export const restoreOnlyAsDraft: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'restoreVersion' || !req.user) return args
  const slug = collection.slug as WorkflowCollection
  if (!args.draft) {
    throw refusal(
      `Restoring a version never publishes it: restore it as a draft (POST /api/${slug}/versions/${args.id}?draft=true), then send it through review.`,
      409,
    )
  }
  const found = await req.payload.db.findVersions({ collection: slug, where: { id: { equals: args.id } }, limit: 1, locale: 'all', pagination: false, req })
  const parent = Number(found.docs[0]?.parent)
  if (!Number.isFinite(parent)) return args // Payload answers 404 itself
  const before = (await req.payload.findByID({
    collection: slug,
    id: parent,
    locale: 'all',
    draft: true,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as AllLocales | null
  if (before) req.context.restoring = { parent, before } satisfies Stash
  return args
}

const ofLocale = (doc: AllLocales, field: string, locale: string, localized: boolean) => {
  const value = doc[field]
  return localized && value && typeof value === 'object' ? (value as Record<string, unknown>)[locale] : value
}

/**
 * Runs on the `workflow` group while a person's restore is saved: the other locales' workflow
 * comes from the restored version (Payload merges them from it), so it is replaced here,
 * before that merge, by each locale's current state — or draft where the restore changed the
 * locale's text. (The request's own locale is set by protectWorkflowFields.)
 */
export const keepWorkflowOnRestore: FieldHook = ({ value, req, collection, siblingDocWithLocales }) => {
  const stash = req.context.restoring as Stash | undefined
  if (!stash || !req.user || !collection || !siblingDocWithLocales) return value
  const slug = collection.slug as WorkflowCollection
  const version = siblingDocWithLocales as AllLocales
  const localized = new Set(collection.flattenedFields.filter((f) => 'localized' in f && f.localized).map((f) => f.name))
  const restored: Record<string, unknown> = { ...((version.workflow as Record<string, unknown> | undefined) ?? {}) }
  for (const locale of localeCodes) {
    if (locale === req.locale) continue
    const current = stash.before.workflow?.[locale] ?? null
    const changed = readerVisibleFields[slug].some(
      (f) => !sameContent(ofLocale(stash.before, f, locale, localized.has(f)), ofLocale(version, f, locale, localized.has(f))),
    )
    if (!current && !changed) delete restored[locale]
    else restored[locale] = changed ? { ...(current ?? {}), state: 'draft', submittedBy: null, submittedRevision: null, approvedBy: null } : current
  }
  version.workflow = restored as AllLocales['workflow']
  return value
}
