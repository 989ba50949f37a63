/**
 * npm run build:sites [-- --mission <code> [--mission <code> …]] [--full]
 * Renders only pages whose inputs changed since the last build (pipeline/incremental.ts);
 * --full renders every page.
 */
import { parseArgs } from 'node:util'
import { buildSites } from '../pipeline/buildSites'
import { runScript } from './lib/session'

const { values } = parseArgs({ options: { mission: { type: 'string', multiple: true }, full: { type: 'boolean', default: false } }, strict: true })

await runScript('build:sites', async ({ payload }) => {
  await buildSites({ payload, missions: values.mission, full: values.full })
})
