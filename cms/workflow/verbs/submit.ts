import { userIdOf, writeDoc, type Verb } from '../verb'
import { revisionOf } from '../revision'

/** Sends the locale's latest revision to review, recording who submitted it (second eyes). */
export const submit: Verb = {
  forbidden: ({ locale, collection }) => `You may not submit the "${locale}" version of this ${collection === 'pages' ? 'page' : 'article'}.`,
  apply: async (ctx) => {
    // The submitted revision: approve and publish will act on exactly this text (second eyes).
    const submittedRevision = revisionOf(ctx.collection, ctx.doc as Record<string, unknown>)
    Object.assign(ctx.workflow, { submittedBy: userIdOf(ctx.actor), submittedRevision, rejectionReason: null, approvedBy: null })
    await writeDoc(ctx, true, { workflow: ctx.workflow })
  },
}
