/**
 * npm run bench:import [-- --posts 5000] [--first 1] [--as draft|published|both]
 *
 * The importer's throughput (docs/import.md, "Throughput"): generates a WordPress export of
 * `--posts` published posts without media (tests/import/wxr.ts) and imports it with `--as draft`
 * into one seeded mission and `--as published` into another, printing posts/s as the import's
 * own timing measures it. Runs against the database of DATA_DIR (seed it first: npm run seed);
 * nothing is built.
 */
import { parseArgs } from 'node:util'
import { parseSource } from '../import/sources'
import { runImport } from '../import/run'
import { generatedExport } from '../tests/import/wxr'
import { runScript } from './lib/session'

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '5000' },
    /** Number of the first generated post: a run with a new range imports new posts into a database used before. */
    first: { type: 'string', default: '1' },
    as: { type: 'string', default: 'both' },
    draftMission: { type: 'string', default: 'au-canberra' },
    publishedMission: { type: 'string', default: 'jp-osaka' },
  },
  strict: true,
})
const posts = Number(values.posts)
if (!Number.isInteger(posts) || posts < 1) {
  console.error(`--posts must be a positive whole number, got "${values.posts}"`)
  process.exit(2)
}
if (!['draft', 'published', 'both'].includes(values.as)) {
  console.error(`--as must be draft, published or both, got "${values.as}"`)
  process.exit(2)
}

await runScript('bench:import', async ({ payload }) => {
  const source = parseSource(generatedExport(posts, Number(values.first)), `generated export of ${posts} posts`)
  const runs = (values.as === 'both' ? ['draft', 'published'] : [values.as]) as ('draft' | 'published')[]
  const rows: string[] = []
  for (const as of runs) {
    const mission = as === 'draft' ? values.draftMission : values.publishedMission
    const report = await runImport(payload, { mission, source, origin: 'bench', as, log: (l) => console.log(l) })
    const c = report.counts.post
    const row = `--as ${as.padEnd(9)} into ${mission}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed; ${report.seconds.toFixed(1)} s, ${report.itemsPerSecond.toFixed(1)} posts/s`
    console.log(row)
    if (report.failures.length) console.log(report.failures.slice(0, 3))
    rows.push(row)
  }
  console.log(`\n${rows.join('\n')}`)
})
