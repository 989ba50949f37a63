import type { TaskConfig } from 'payload'
import type { ContentLocale } from '#core/locales'

/**
 * Publishes a scheduled locale at its time. Queued with `waitUntil`, so a runner that was
 * down at that moment publishes it as soon as it starts again. A schedule that was
 * cancelled or moved (state or time changed since) is skipped.
 */
export const publishScheduledTask: TaskConfig<{
  input: { article: number; locale: string; at: string; collection?: 'articles' | 'pages' }
  output: { published: boolean }
}> = {
  slug: 'publishScheduled',
  label: 'Publish a scheduled locale',
  inputSchema: [
    // The document's id (named `article` from before pages had a workflow).
    { name: 'article', type: 'number', required: true },
    { name: 'locale', type: 'text', required: true },
    { name: 'at', type: 'text', required: true },
    { name: 'collection', type: 'text' },
  ],
  outputSchema: [{ name: 'published', type: 'checkbox' }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, req }) => {
    const { runTransition } = await import('../workflow/transition')
    const { systemActor } = await import('../workflow/verb')
    const collection = input.collection === 'pages' ? 'pages' : 'articles'
    const doc = await req.payload.findByID({
      collection,
      id: input.article,
      locale: input.locale as ContentLocale,
      fallbackLocale: false,
      draft: true,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    const still =
      doc?.workflow?.state === 'scheduled' && doc.workflow.scheduledAt && new Date(doc.workflow.scheduledAt).getTime() === new Date(input.at).getTime()
    if (!still) return { output: { published: false } }
    // The scheduler acts on the reviewer's decision taken when scheduling, and is named in the audit.
    const result = await runTransition(req, input.article, { locale: input.locale, action: 'publish' }, { actor: systemActor('scheduler'), collection })
    if (result.status !== 200) throw new Error(`Scheduled publish of ${collection} #${input.article} (${input.locale}) failed: ${JSON.stringify(result.body)}`)
    return { output: { published: true } }
  },
}
