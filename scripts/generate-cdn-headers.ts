/** Writes docs/cdn/_headers from the site server's headers (part of `npm run generate`). */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../core/env'
import { cdnHeadersConfig } from '../site-server/server'

writeFileSync(path.join(projectRoot, 'docs', 'cdn', '_headers'), cdnHeadersConfig())
console.log('Wrote docs/cdn/_headers')
