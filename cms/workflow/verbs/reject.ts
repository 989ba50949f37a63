import { writeDoc, type Verb } from '../verb'

/** Sends the revision back to its author with a reason. */
export const reject: Verb = {
  apply: async (ctx) => {
    ctx.workflow.rejectionReason = ctx.note
    await writeDoc(ctx, true, { workflow: ctx.workflow })
  },
}
