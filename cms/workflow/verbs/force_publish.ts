import { leadImageAltMissing, publishRevision } from './publish'
import type { Verb } from '../verb'

/** HQ publishes without review, with a reason; the locale is flagged `forcePublished` for a later look. */
export const force_publish: Verb = {
  forbidden: () => 'Only HQ editors can force-publish.',
  check: async (ctx) => (ctx.collection === 'articles' ? leadImageAltMissing(ctx) : undefined),
  apply: (ctx) => publishRevision(ctx, true),
}
