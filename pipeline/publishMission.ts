import { existsSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { BuildRun } from './buildRun'
import { completeOutput, readRecordedEntries, reusableSearchIndexes, saveManifest, writeSiteDataFiles } from './incremental'
import { publishMissionOutput } from './publishOutput'
import { buildSearchIndexes, htmlFiles } from './searchIndex'

/**
 * Stage 3: make one rendered mission a whole site (unchanged pages from the live site, the
 * search index), swap it into sitesDir and record its manifest.
 */
export async function publishMission(run: BuildRun, code: string, outDir: string, inputsHash: string | undefined) {
  const builtDir = path.join(outDir, code)
  if (!existsSync(builtDir)) throw new Error(`Astro produced no pages for mission ${code}`)
  const locales = (run.exported.get(code)?.enabledLocales ?? []) as string[]
  for (const locale of locales) {
    // Astro writes <locale>/404/index.html; servers and CDNs look for <locale>/404.html.
    const notFound = path.join(builtDir, locale, '404')
    if (existsSync(path.join(notFound, 'index.html'))) {
      renameSync(path.join(notFound, 'index.html'), path.join(builtDir, locale, '404.html'))
      rmSync(notFound, { recursive: true })
    }
  }
  const renderedFiles = htmlFiles(builtDir)
  const rendered = renderedFiles.length
  const entries = readRecordedEntries(`${outDir}.manifests`, code)
  const liveDir = path.join(run.sitesDir, code)
  const unchanged = completeOutput({ builtDir, liveDir, entries })
  // Files the site serves besides pages (the redirects), written from this export every build.
  writeSiteDataFiles(path.join(run.contentDir, code), builtDir)
  const indexStarted = Date.now()
  // A locale whose pages are all what is live keeps its live search index.
  const reused = reusableSearchIndexes({ builtDir, liveDir, renderedFiles, locales })
  const indexed = await buildSearchIndexes(
    builtDir,
    locales.filter((l) => !reused.includes(l)),
  )
  run.stages.searchIndex += (Date.now() - indexStarted) / 1000
  const indexNote = [...Object.entries(indexed).map(([l, n]) => `${l} ${n} pages indexed`), ...reused.map((l) => `${l} unchanged`)].join(', ')
  run.log(`[search] ${code}: ${indexNote}`)
  const count = rendered + unchanged
  run.pagesByMission[code] = count
  run.pagesRendered += rendered
  publishMissionOutput({ builtDir, mediaDir: path.join(run.assetsDir, code, 'media'), sitesDir: run.sitesDir, code })
  saveManifest(run.sitesDir, code, entries, run.templateHash, { inputsHash, pageCount: count })
  run.done.push(code)
  const how = unchanged ? ` (${rendered} rendered, ${unchanged} unchanged)` : ''
  run.log(
    `[site ${Object.keys(run.pagesByMission).length}/${run.totalMissions}] ${code}: ${count} pages${how} → ${path.relative(process.cwd(), path.join(run.sitesDir, code))}/`,
  )
}
