/**
 * npm run build:sites [-- --mission <code> [--mission <code> …]] [--full]
 * Renders only pages whose inputs changed since the last build (pipeline/incremental.ts);
 * --full renders every page.
 */
import { parseArgs } from 'node:util'
import { buildSites } from '../pipeline/buildSites'
import { settleReplacedSites } from '../pipeline/publishOutput'
import { runScript } from './lib/session'

const { values } = parseArgs({ options: { mission: { type: 'string', multiple: true }, full: { type: 'boolean', default: false } }, strict: true })

await runScript('build:sites', async ({ payload }) => {
  await buildSites({ payload, missions: values.mission, full: values.full })
  // Replaced copies are deleted outside dist/sites/; the command ends once they are gone.
  await settleReplacedSites()
})
