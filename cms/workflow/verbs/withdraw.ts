import type { Verb } from '../verb'
import { changeLiveState } from './unpublish'

/** The page stays online with a public withdrawal notice and date, but leaves listings, feeds and search. */
export const withdraw: Verb = {
  apply: async (ctx) => {
    Object.assign(ctx.workflow, { withdrawnAt: ctx.now.toISOString(), withdrawalReason: ctx.note })
    await changeLiveState(ctx)
  },
}
