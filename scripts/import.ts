/**
 * npm run import -- --mission <code> (--wordpress <export.xml> | --feed <file-or-url>)
 *   [--locale vi] [--section-map map.json] [--media-dir uploads/] [--as draft|published] [--dry-run] [--limit N]
 * Imports a WordPress export or an RSS/Atom feed into one mission (import/, docs/import.md).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { dataDir } from '#core/config'
import { sitesDir } from '#core/paths'
import { readSource } from '../import/read'
import { ImportError, runImport } from '../import/run'
import { SourceError } from '../import/sources'
import { runScript } from './lib/session'
import { buildSites } from '../pipeline/buildSites'

const usage =
  'Usage: npm run import -- --mission <code> (--wordpress <export.xml> | --feed <file-or-url>) [--locale <code>] [--section-map <file.json>] [--media-dir <folder>] [--as draft|published] [--dry-run] [--limit N]'

const fail = (message: string): never => {
  console.error(`${message}\n${usage}`)
  process.exit(2)
}

let values: Record<string, string | boolean | undefined>
try {
  values = parseArgs({
    options: {
      mission: { type: 'string' },
      wordpress: { type: 'string' },
      feed: { type: 'string' },
      locale: { type: 'string' },
      'section-map': { type: 'string' },
      'media-dir': { type: 'string' },
      as: { type: 'string', default: 'draft' },
      'dry-run': { type: 'boolean', default: false },
      limit: { type: 'string' },
    },
    strict: true,
  }).values
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
const v = values!
if (!v.mission) fail('--mission is required.')
if (Boolean(v.wordpress) === Boolean(v.feed)) fail('Give exactly one of --wordpress <export.xml> or --feed <file-or-url>.')
if (v.as !== 'draft' && v.as !== 'published') fail(`--as must be "draft" or "published", not "${v.as}".`)
const limit = v.limit === undefined ? undefined : Number(v.limit)
if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) fail(`--limit must be a positive whole number, not "${v.limit}".`)
let sectionMap: Record<string, string> | undefined
if (v['section-map']) {
  try {
    sectionMap = JSON.parse(readFileSync(String(v['section-map']), 'utf8')) as Record<string, string>
  } catch (error) {
    fail(
      `--section-map ${v['section-map']}: ${error instanceof Error ? error.message : String(error)} (expected a JSON object such as {"culture": "cultural-diplomacy"}).`,
    )
  }
  if (!sectionMap || typeof sectionMap !== 'object' || Array.isArray(sectionMap)) fail('--section-map must hold a JSON object: category or tag → section.')
}

// Read and parse before opening the database: bad input fails fast and touches nothing.
const origin = String(v.wordpress ?? v.feed)
let source
try {
  source = await readSource(origin, v.wordpress ? 'wordpress' : 'feed')
} catch (error) {
  if (error instanceof SourceError) {
    console.error(`import failed: ${error.message}`)
    process.exit(1)
  }
  throw error
}

await runScript('import', async ({ payload, db }) => {
  let report
  try {
    report = await runImport(payload, {
      mission: String(v.mission),
      source: source!,
      origin,
      locale: v.locale as string | undefined,
      sectionMap,
      mediaDir: v['media-dir'] as string | undefined,
      as: v.as as 'draft' | 'published',
      dryRun: Boolean(v['dry-run']),
      limit,
    })
  } catch (error) {
    if (error instanceof ImportError) throw new Error(error.message)
    throw error
  }
  console.log(`\n${report.text()}`)
  const file = report.save(path.join(dataDir, 'imports'))
  console.log(`\nReport saved to ${path.relative(process.cwd(), file)}`)
  const wrote = !report.meta.dryRun && Object.values(report.counts).some((c) => c.created + c.updated > 0)
  if (wrote && db.owned) {
    // No npm start is running (this command started the database): bring the mission's site up to date here.
    console.log(`\nBuilding the site of ${report.meta.mission} …`)
    await buildSites({ payload, missions: [report.meta.mission], log: () => {} })
    console.log(`Site built: ${path.relative(process.cwd(), path.join(sitesDir, report.meta.mission))}/`)
  } else if (wrote) {
    console.log(
      `\nA rebuild of ${report.meta.mission}'s site is queued: npm start's jobs runner takes it (without npm start: npm run build:sites -- --mission ${report.meta.mission}).`,
    )
  }
  if (!report.ok)
    throw new Error(
      `${report.failures.length} item(s) could not be imported (see above); run the same command again after fixing them — what was imported stays.`,
    )
})
