import type { TaskConfig } from 'payload'

/**
 * Rebuilds the static sites of the given missions after public content changed.
 * Runs in the jobs runner that `npm start` hosts, never inside a save transaction.
 */
export const rebuildSitesTask: TaskConfig<{ input: { missions: number[] }; output: { built: string[] } }> = {
  slug: 'rebuildSites',
  label: 'Rebuild mission sites',
  inputSchema: [{ name: 'missions', type: 'json', required: true }],
  outputSchema: [{ name: 'built', type: 'json' }],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ input, req }) => {
    const { buildSites } = await import('../../pipeline/buildSites')
    const missions = await req.payload.find({
      collection: 'missions',
      where: { id: { in: input.missions } },
      pagination: false,
      depth: 0,
      overrideAccess: true, // mission records are public; the runner has no user
    })
    const codes = missions.docs.map((m) => m.code)
    await buildSites({ payload: req.payload, missions: codes })
    return { output: { built: codes } }
  },
}
