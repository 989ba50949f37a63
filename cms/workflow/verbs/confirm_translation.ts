import { sourceLocaleOf, sourceTextOf } from '#core/sourceText'
import { loadDoc, writeDoc, type Verb } from '../verb'

/** A reviewer marks an outdated translation as still valid: its source snapshot becomes today's source text. */
export const confirm_translation: Verb = {
  forbidden: () => 'Only reviewers and HQ can confirm that a translation is still valid.',
  apply: async (ctx) => {
    const source = await loadDoc(ctx.req, ctx.collection, ctx.id, sourceLocaleOf(ctx.doc), true)
    await writeDoc(ctx, true, { translation: { sourceSnapshot: sourceTextOf(source ?? {}), snapshotAt: ctx.now.toISOString() } })
  },
}
