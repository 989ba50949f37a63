import type { TaskConfig } from 'payload'

/**
 * Publishes a scheduled locale at its time. Queued with `waitUntil`, so a runner that was
 * down at that moment publishes it as soon as it starts again. A schedule that was
 * cancelled or moved (state or time changed since) is skipped.
 */
export const publishScheduledTask: TaskConfig<{ input: { article: number; locale: string; at: string }; output: { published: boolean } }> = {
  slug: 'publishScheduled',
  label: 'Publish a scheduled article locale',
  inputSchema: [
    { name: 'article', type: 'number', required: true },
    { name: 'locale', type: 'text', required: true },
    { name: 'at', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'published', type: 'checkbox' }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, req }) => {
    const { runTransition } = await import('../workflow/transition')
    const doc = await req.payload.findByID({ collection: 'articles', id: input.article, locale: input.locale as 'vi', fallbackLocale: false, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
    const still = doc?.workflow?.state === 'scheduled' && doc.workflow.scheduledAt && new Date(doc.workflow.scheduledAt).getTime() === new Date(input.at).getTime()
    if (!still) return { output: { published: false } }
    // Runs as the system (no req.user): the reviewer's decision was taken when scheduling.
    const result = await runTransition({ ...req, user: null } as typeof req, input.article, { locale: input.locale, action: 'publish' })
    if (result.status !== 200) throw new Error(`Scheduled publish of article ${input.article} (${input.locale}) failed: ${JSON.stringify(result.body)}`)
    return { output: { published: true } }
  },
}
