import { idOf } from '../../access/roles'
import { isLiveState } from '#core/publicContent'
import { fail, loadDoc, writeDoc, type Verb, type VerbContext, type WorkflowResult } from '../verb'

/** Every published language needs its own description of the lead image (WCAG 1.1.1). */
export async function leadImageAltMissing(ctx: VerbContext): Promise<WorkflowResult | void> {
  const heroId = idOf(ctx.doc.heroImage)
  if (heroId === undefined) return
  const { req, locale } = ctx
  const hero = await req.payload.findByID({
    collection: 'media',
    id: heroId,
    locale,
    fallbackLocale: false,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (hero && !hero.alt?.trim()) return fail(400, `The lead image has no alt text in "${locale}": add it in the media library before publishing this language.`)
}

/**
 * Makes the locale's latest revision its live copy (only this locale's columns of the live
 * document change). A major update of a locale that was already live adds its public change note.
 */
export async function publishRevision(ctx: VerbContext, forced: boolean): Promise<WorkflowResult | void> {
  const { doc, now } = ctx
  const stamp = now.toISOString()
  const data: Record<string, unknown> = { _status: 'published' }
  if (ctx.collection === 'articles') {
    const live = await loadDoc(ctx.req, ctx.collection, ctx.id, ctx.locale, false)
    const wasLive = isLiveState(live?.workflow?.state) && Boolean(live?.title)
    const changeNotes = [...(doc.changeNotes ?? [])]
    if (wasLive && doc.updateKind === 'major') {
      if (!doc.changeNote?.trim()) return fail(400, 'This is a major update: write a public change note before publishing.')
      changeNotes.push({ date: stamp, note: doc.changeNote.trim() })
    }
    Object.assign(data, { changeNotes, updateKind: 'minor', changeNote: null, publishedAt: doc.publishedAt ?? stamp })
  }
  Object.assign(ctx.workflow, { forcePublished: forced, forceReason: forced ? ctx.note : null, scheduledAt: null, withdrawnAt: null, withdrawalReason: null })
  await writeDoc(ctx, false, { ...data, workflow: ctx.workflow })
}

/** Publishes a reviewed revision (second eyes are checked by the transition's skeleton). */
export const publish: Verb = {
  forbidden: ({ collection }) => `Your role may not publish ${collection} of this mission; ask a reviewer.`,
  check: async (ctx) => (ctx.collection === 'articles' ? leadImageAltMissing(ctx) : undefined),
  apply: (ctx) => publishRevision(ctx, false),
}
