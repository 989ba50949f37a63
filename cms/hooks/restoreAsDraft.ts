import type { CollectionAfterChangeHook, CollectionBeforeOperationHook } from 'payload'
import { refusal } from '../lib/errors'
import { localeCodes } from '../../core/locales'
import { readerVisibleFields, sameContent } from '../workflow/revision'
import { writeDoc } from '../workflow/verb'
import { missionsOfDoc, recordEvent } from '../workflow/transition'
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
    throw refusal(`Restoring a version never publishes it: restore it as a draft (POST /api/${slug}/versions/${args.id}?draft=true), then send it through review.`, 409)
  }
  const found = await req.payload.db.findVersions({ collection: slug, where: { id: { equals: args.id } }, limit: 1, locale: 'all', pagination: false, req })
  const parent = Number(found.docs[0]?.parent)
  if (!Number.isFinite(parent)) return args // Payload answers 404 itself
  const before = (await req.payload.findByID({ collection: slug, id: parent, locale: 'all', draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })) as AllLocales | null
  if (before) req.context.restoring = { parent, before } satisfies Stash
  return args
}

const ofLocale = (doc: AllLocales, field: string, locale: string, localized: boolean) => {
  const value = doc[field]
  return localized && value && typeof value === 'object' ? (value as Record<string, unknown>)[locale] : value
}

export const keepWorkflowAfterRestore: CollectionAfterChangeHook = async ({ doc, req, collection }) => {
  const stash = req.context.restoring as Stash | undefined
  if (!stash || !req.user || Number(doc.id) !== stash.parent) return doc
  delete req.context.restoring // the writes below must not come back here
  const slug = collection.slug as WorkflowCollection
  const after = (await req.payload.findByID({ collection: slug, id: stash.parent, locale: 'all', draft: true, depth: 0, overrideAccess: true, req })) as unknown as AllLocales
  const localized = new Set(collection.flattenedFields.filter((f) => 'localized' in f && f.localized).map((f) => f.name))
  for (const locale of localeCodes) {
    const current = stash.before.workflow?.[locale] ?? null
    const changed = readerVisibleFields[slug].some((f) => !sameContent(ofLocale(stash.before, f, locale, localized.has(f)), ofLocale(after, f, locale, localized.has(f))))
    const wanted = changed
      ? { ...(current ?? {}), state: 'draft', submittedBy: null, submittedRevision: null, approvedBy: null }
      : (current ?? { state: 'draft' })
    if (sameContent(wanted, after.workflow?.[locale] ?? null)) continue
    await writeDoc({ req, collection: slug, id: stash.parent, locale }, true, { workflow: wanted })
    if (changed) {
      await recordEvent(req, {
        collection: slug,
        doc: { id: stash.parent },
        missions: missionsOfDoc(after as never),
        locale,
        action: 'restore',
        from: String(current?.state ?? 'draft'),
        to: 'draft',
        actor: { kind: 'person', user: req.user as never },
      })
    }
  }
  return doc
}
