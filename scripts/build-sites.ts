/** npm run build:sites [-- --mission <code> [--mission <code> …]] */
import { parseArgs } from 'node:util'
import { buildSites } from '../pipeline/buildSites'
import { runScript } from './lib/session'

const { values } = parseArgs({ options: { mission: { type: 'string', multiple: true } }, strict: true })

await runScript('build:sites', async ({ payload }) => {
  await buildSites({ payload, missions: values.mission })
})
