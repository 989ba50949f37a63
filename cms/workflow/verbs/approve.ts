import { userIdOf, writeDoc, type Verb } from '../verb'

/** A second person approves the submitted revision; it can then be published or scheduled. */
export const approve: Verb = {
  apply: async (ctx) => {
    ctx.workflow.approvedBy = userIdOf(ctx.actor)
    await writeDoc(ctx, true, { workflow: ctx.workflow })
  },
}
