/**
 * npm run deploy -- --mission <code> [--mission <code> …] | --all   build, then deploy to S3
 * npm run deploy -- --rollback <deployment id>                      re-deploy an earlier file set
 * npm run deploy -- --prune [--keep 20]                             trim the rollback store
 * Add --skip-build to deploy what is already in dist/sites/.
 */
import { parseArgs } from 'node:util'
import { deployKeep, osUser } from '#core/config'

const { values } = parseArgs({
  options: {
    mission: { type: 'string', multiple: true },
    all: { type: 'boolean' },
    rollback: { type: 'string' },
    'skip-build': { type: 'boolean' },
    prune: { type: 'boolean' },
    keep: { type: 'string', default: deployKeep() },
  },
  strict: true,
})
const modes = [values.mission?.length, values.all, values.rollback, values.prune].filter(Boolean).length
if (modes !== 1) {
  console.error('Usage: npm run deploy -- --mission <code> [--mission <code> …] | --all | --rollback <deployment id> [--skip-build] | --prune [--keep <n>]')
  process.exit(2)
}
if (values.prune && !/^[1-9]\d*$/.test(values.keep)) {
  console.error(`--keep needs how many deployments per mission to keep restorable (a whole number ≥ 1), got "${values.keep}"`)
  process.exit(2)
}
if (values.rollback !== undefined && !/^\d+$/.test(values.rollback)) {
  console.error(`--rollback needs a deployment id (a number), got "${values.rollback}"`)
  process.exit(2)
}

if (values.prune) {
  // Needs the database and the store, not the bucket.
  const { pruneContentStore } = await import('../pipeline/deploy/prune')
  const { runScript } = await import('./lib/session')
  await runScript('deploy --prune', async ({ payload }) => {
    await pruneContentStore(payload, { keep: Number(values.keep), log: (l) => console.log(l) })
  })
  process.exit(0)
}

// Loaded after the arguments are checked, so a typo is answered at once.
const { buildAndDeploy } = await import('../pipeline/deploy/buildAndDeploy')
const { purgerFromEnv } = await import('../pipeline/deploy/cdn')
const { requireS3Config } = await import('../pipeline/deploy/config')
const { deployMission } = await import('../pipeline/deploy/deployMission')
const { failStaleDeployments } = await import('../pipeline/deploy/records')
const { runScript } = await import('./lib/session')

let s3: ReturnType<typeof requireS3Config>
let purger: ReturnType<typeof purgerFromEnv>
try {
  // Configuration errors before any database work.
  s3 = requireS3Config()
  purger = purgerFromEnv()
} catch (error) {
  console.error(`deploy: ${(error as Error).message}`)
  process.exit(1)
}

await runScript('deploy', async ({ payload }) => {
  const { stale } = await failStaleDeployments(payload)
  if (stale) console.log(`Marked ${stale} deployment(s) left running by a stopped process as failed.`)
  const trigger = `cli (${osUser() ?? 'unknown user'})`
  if (values.rollback) {
    const target = await payload.findByID({ collection: 'deployments', id: Number(values.rollback), depth: 1, overrideAccess: true, disableErrors: true })
    if (!target) throw new Error(`There is no deployment #${values.rollback}`)
    const code = typeof target.mission === 'object' ? target.mission.code : undefined
    if (!code) throw new Error(`Deployment #${values.rollback} has no mission`)
    const r = await deployMission({ payload, mission: code, trigger: `${trigger}: rollback to #${target.id}`, s3, purger, rollbackTo: target.id })
    console.log(`Rolled ${code} back to deployment #${target.id} (new deployment #${r.deploymentId}).`)
    return
  }
  const outcomes = await buildAndDeploy({ payload, missions: values.all ? undefined : values.mission, trigger, s3, purger, skipBuild: values['skip-build'] })
  console.log('')
  for (const o of outcomes) {
    console.log(
      o.ok
        ? `✓ ${o.mission}: deployment #${o.result.deploymentId}, ${o.result.uploaded.length} uploaded, ${o.result.deleted.length} deleted, ${o.result.unchanged} unchanged`
        : `✗ ${o.mission}: ${o.stage} failed: ${o.error}`,
    )
  }
  const failed = outcomes.filter((o) => !o.ok)
  if (failed.length) throw new Error(`${failed.length} of ${outcomes.length} mission(s) failed: ${failed.map((f) => f.mission).join(', ')}`)
})
