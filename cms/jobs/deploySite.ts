import type { TaskConfig } from 'payload'
import { serially } from './serial'

type Input = { mission: string; rollbackTo?: number; trigger: string }

/**
 * The admin's "redeploy" (rebuild + deploy one mission) and "roll back to this deployment"
 * actions, run by the jobs runner so the admin request returns at once.
 */
export const deploySiteTask: TaskConfig<{ input: Input; output: { deploymentId: number } }> = {
  slug: 'deploySite',
  label: 'Deploy a mission site',
  inputSchema: [
    { name: 'mission', type: 'text', required: true },
    { name: 'rollbackTo', type: 'number' },
    { name: 'trigger', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'deploymentId', type: 'number' }],
  retries: { attempts: 2, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, req }) =>
    serially(async () => {
      const { requireS3Config } = await import('../../pipeline/deploy/config')
      const { purgerFromEnv } = await import('../../pipeline/deploy/cdn')
      const { deployMission } = await import('../../pipeline/deploy/deployMission')
      const { buildAndDeploy } = await import('../../pipeline/deploy/buildAndDeploy')
      const s3 = requireS3Config()
      const log = (l: string) => req.payload.logger.info(l)
      if (input.rollbackTo) {
        const r = await deployMission({
          payload: req.payload,
          mission: input.mission,
          trigger: input.trigger,
          s3,
          purger: purgerFromEnv(),
          rollbackTo: input.rollbackTo,
          log,
        })
        return { output: { deploymentId: r.deploymentId } }
      }
      const [outcome] = await buildAndDeploy({ payload: req.payload, missions: [input.mission], trigger: input.trigger, s3, purger: purgerFromEnv(), log })
      if (!outcome?.ok) throw new Error(outcome ? outcome.error : `Nothing was deployed for ${input.mission}`)
      return { output: { deploymentId: outcome.result.deploymentId } }
    }),
}
