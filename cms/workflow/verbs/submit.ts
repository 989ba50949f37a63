import { userIdOf, writeDoc, type Verb } from '../verb'

/** Sends the locale's latest revision to review, recording who submitted it (second eyes). */
export const submit: Verb = {
  forbidden: ({ locale, collection }) => `You may not submit the "${locale}" version of this ${collection === 'pages' ? 'page' : 'article'}.`,
  apply: async (ctx) => {
    Object.assign(ctx.workflow, { submittedBy: userIdOf(ctx.actor), rejectionReason: null, approvedBy: null })
    await writeDoc(ctx, true, { workflow: ctx.workflow })
  },
}
