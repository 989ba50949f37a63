import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import pLimit from 'p-limit'
import path from 'node:path'
import type { Payload } from 'payload'
import type { Mission } from '../core/payload-types'
import { countPublishedArticles, exportMission } from './exportContent'
import { analyticsConfig } from '../site/analytics'
import { renderAstro } from './renderAstro'
import { publishMissionOutput, recoverInterruptedBuilds } from './publishOutput'
import { buildSearchIndexes, holdSearchBackend, htmlFiles, SEARCH_LANES } from './searchIndex'
import { completeOutput, readRecordedEntries, reusableSearchIndexes, saveManifest, templateHash, validManifest, writeSiteDataFiles } from './incremental'
import { sitesDir as defaultSitesDir, workDir } from '../core/paths'

const EXPORT_CONCURRENCY = 4

/** Below this many article pages one astro process is faster than paying start-up twice. */
const PAGES_PER_EXTRA_PROCESS = 400

/**
 * At most this many article pages per astro process. An astro build holds every page's data of
 * its missions (getStaticPaths) until it ends: about 600 MB at 9,600 article pages (96 × 100 on
 * two processes). Larger corpora get more processes, run `concurrent` at a time, so memory stays
 * bounded whatever the number of articles.
 */
const MAX_PAGES_PER_PROCESS = 10_000

/**
 * How many astro builds (each pays Astro's start-up, ~0.7 s) and how many at once: one per core
 * (rendering is single-threaded), none below ~400 article pages each, and more (still one per
 * core at a time) when a process would hold more than MAX_PAGES_PER_PROCESS. Measured at 8
 * missions × 100 articles on 2 cores: two builds, the first rendering while the second shard is
 * exported, 7.2 s; four builds (two at a time, more overlap, two more start-ups) 9.0 s.
 */
export function renderPlan(articlePages: number, missions: number, cores = Number(process.env.MP_BUILD_PROCESSES) || os.availableParallelism()) {
  const forSpeed = Math.min(cores, Math.ceil(articlePages / PAGES_PER_EXTRA_PROCESS))
  const forMemory = Math.ceil(articlePages / MAX_PAGES_PER_PROCESS)
  const shards = Math.max(1, Math.min(missions, Math.max(forSpeed, forMemory)))
  return { shards, concurrent: Math.min(shards, cores) }
}

/** Greedy balance: heaviest mission first onto the lightest shard. */
export function shardMissions(missions: { code: string; weight: number }[], count: number): string[][] {
  const shards = Array.from({ length: Math.min(count, missions.length) }, () => ({ weight: 0, codes: [] as string[] }))
  for (const m of [...missions].sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code))) {
    const lightest = shards.reduce((x, y) => (y.weight < x.weight ? y : x))
    lightest.codes.push(m.code)
    lightest.weight += m.weight + 1
  }
  return shards.map((s) => s.codes.sort()).filter((c) => c.length)
}

export type BuildFailure = { mission: string; error: string }
export type BuildReport = {
  /** Missions built and swapped into sitesDir. */
  missions: string[]
  articlePages: number
  pages: number
  /** Pages Astro rendered; the others were unchanged and copied from the live site (incremental build). */
  pagesRendered: number
  /** HTML pages per built mission. */
  pagesByMission: Record<string, number>
  seconds: number
  /** Wall-clock seconds per stage, summed over missions/processes (they overlap, so they add up to more than `seconds`). */
  stages: { export: number; render: number; searchIndex: number }
  /** Missions that could not be built (only with isolateFailures; otherwise buildSites throws). */
  failures: BuildFailure[]
}

/**
 * The build pipeline: export published content → one Astro build for all requested
 * missions → swap each mission's output into dist/sites/<code>/. A failure leaves the
 * previously built sites untouched.
 */
export async function buildSites(options: {
  payload: Payload
  missions?: string[]
  sitesDir?: string
  log?: (line: string) => void
  /**
   * Return failed missions in `failures` instead of throwing. Either way, one mission's
   * failure (e.g. an article with a broken image) does not stop the others being built.
   */
  isolateFailures?: boolean
  /** Gets the pid of each astro build process (the benchmark samples its memory). */
  onRenderProcess?: (pid: number) => void
  /** Render every page, ignoring the manifests of the previous build (pipeline/incremental.ts). */
  full?: boolean
}): Promise<BuildReport> {
  const log = options.log ?? ((l: string) => console.log(l))
  const started = Date.now()
  const sitesDir = options.sitesDir ?? defaultSitesDir
  const all = await options.payload.find({ collection: 'missions', pagination: false, depth: 0, sort: 'code', overrideAccess: false })
  const wanted = options.missions?.length ? options.missions : all.docs.map((m) => m.code)
  const unknown = wanted.filter((c) => !all.docs.some((m) => m.code === c))
  if (unknown.length) {
    throw new Error(`Unknown mission code(s): ${unknown.join(', ')}. Known: ${all.docs.map((m) => m.code).join(', ') || '(none)'}`)
  }
  const missions = all.docs.filter((m) => wanted.includes(m.code)) as Mission[]
  if (!missions.length) throw new Error('There are no missions to build. Run `npm run seed` or create a mission in the admin.')

  // A misconfigured analytics service fails the build at once, naming the variable, not per page in Astro.
  analyticsConfig()
  recoverInterruptedBuilds(sitesDir, workDir)
  const runDir = path.join(workDir, `build-${process.pid}-${Date.now()}`)
  const contentDir = path.join(runDir, 'content')
  const assetsDir = path.join(runDir, 'assets')
  mkdirSync(contentDir, { recursive: true })
  const pagesByMission: Record<string, number> = {}
  let pagesRendered = 0
  const stages = { export: 0, render: 0, searchIndex: 0 }
  const exportLimit = pLimit(EXPORT_CONCURRENCY)
  const done: string[] = []
  const releaseSearch = holdSearchBackend()
  try {
    const failures: BuildFailure[] = []
    const fail = (mission: string, error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      failures.push({ mission, error: message })
      log(`[failed] ${mission}: ${message}`)
    }
    // Pages whose fingerprint is unchanged since the last build of a mission are not rendered again.
    const hash = templateHash()
    const previousManifestDir = path.join(runDir, 'previous-manifests')
    mkdirSync(previousManifestDir, { recursive: true })

    // Shards are planned from the published article count, before the export: exporting and
    // rendering then overlap — a shard renders while the next one is exported.
    const counted = await Promise.all(missions.map((m) => exportLimit(async () => ({ code: m.code, weight: (await countPublishedArticles(options.payload, m.id)) * m.enabledLocales.length }))))
    const plan = renderPlan(counted.reduce((n, c) => n + c.weight, 0), missions.length)
    const shards = shardMissions(counted, plan.shards)
    const renderLimit = pLimit(plan.concurrent)
    const atOnce = shards.length > plan.concurrent ? `, ${plan.concurrent} at a time` : ''
    log(`[render] ${missions.length} mission(s) in ${shards.length} astro build(s)${atOnce}, each starting as soon as its missions are exported …`)

    let articlePages = 0
    const exported: Mission[] = []
    let exportedCount = 0
    const exportOne = async (mission: Mission) => {
      try {
        const r = await exportMission(options.payload, mission, contentDir, path.join(assetsDir, mission.code))
        articlePages += r.articlePages
        exported.push(mission)
        exportedCount++
        const elapsed = (Date.now() - started) / 1000
        const eta = (elapsed / exportedCount) * (missions.length - exportedCount)
        log(`[export ${exportedCount}/${missions.length}] ${mission.code}: ${r.articlePages} article pages (ETA export ${eta.toFixed(0)} s)`)
        if (!options.full) {
          const manifest = validManifest(sitesDir, mission.code, hash)
          if (manifest) writeFileSync(path.join(previousManifestDir, `${mission.code}.json`), JSON.stringify(manifest))
        }
        return true
      } catch (error) {
        rmSync(path.join(contentDir, mission.code), { recursive: true, force: true })
        fail(mission.code, error)
        return false
      }
    }

    const renderShard = async (codes: string[], i: number) => {
      const out = path.join(runDir, `astro-${i}`)
      const render = async (list: string[], dir: string) => {
        const t0 = Date.now()
        await renderAstro({
          contentDir,
          outDir: dir,
          cacheDir: path.join(workDir, `astro-cache-${i}`),
          missions: list,
          log: (l) => log(`  ${l}`),
          onProcess: options.onRenderProcess,
          incremental: { manifestOutDir: `${dir}.manifests`, previousManifestDir, previousSitesDir: sitesDir, templateHash: hash },
        }).finally(() => (stages.render += (Date.now() - t0) / 1000))
      }
      try {
        await render(codes, out)
      } catch (error) {
        if (codes.length === 1) return fail(codes[0]!, error)
        // Find the mission(s) that break the shared build: render each on its own.
        log(`[render] a shared build failed; rendering its ${codes.length} missions one by one to isolate the failure`)
        for (const code of codes) {
          const single = path.join(runDir, `astro-${i}-${code}`)
          try {
            await render([code], single)
            await publish(code, single)
          } catch (e) {
            fail(code, e)
          }
        }
        return
      }
      // The shard's missions are indexed and published as search lanes come free (one per core),
      // not one after another: that tail of the build is Pagefind's, and it uses every core.
      const publishLimit = pLimit(SEARCH_LANES)
      const published = await Promise.allSettled(codes.map((code) => publishLimit(() => publish(code, out))))
      published.forEach((r, k) => r.status === 'rejected' && fail(codes[k]!, r.reason))
    }

    // Measured at 96 missions × 25 articles: 20.6 s with the overlap, 21.1 s exporting everything first.
    const renders: Promise<void>[] = []
    const exportStarted = Date.now()
    for (const [i, codes] of shards.entries()) {
      const ok = await Promise.all(codes.map((code) => exportLimit(() => exportOne(missions.find((m) => m.code === code)!))))
      const ready = codes.filter((_, k) => ok[k])
      if (ready.length) renders.push(renderLimit(() => renderShard(ready, i)))
    }
    stages.export = (Date.now() - exportStarted) / 1000
    await Promise.all(renders)

    async function publish(code: string, outDir: string) {
      const builtDir = path.join(outDir, code)
      if (!existsSync(builtDir)) return fail(code, new Error(`Astro produced no pages for mission ${code}`))
      const locales = (exported.find((m) => m.code === code)?.enabledLocales ?? []) as string[]
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
      const liveDir = path.join(sitesDir, code)
      const unchanged = completeOutput({ builtDir, liveDir, entries })
      writeSiteDataFiles(path.join(contentDir, code), builtDir)
      const indexStarted = Date.now()
      // A locale whose pages are all what is live keeps its live search index.
      const reused = reusableSearchIndexes({ builtDir, liveDir, renderedFiles, locales })
      const indexed = await buildSearchIndexes(builtDir, locales.filter((l) => !reused.includes(l)))
      stages.searchIndex += (Date.now() - indexStarted) / 1000
      const indexNote = [...Object.entries(indexed).map(([l, n]) => `${l} ${n} pages indexed`), ...reused.map((l) => `${l} unchanged`)].join(', ')
      log(`[search] ${code}: ${indexNote}`)
      const count = rendered + unchanged
      pagesByMission[code] = count
      pagesRendered += rendered
      publishMissionOutput({ builtDir, mediaDir: path.join(assetsDir, code, 'media'), sitesDir, code })
      saveManifest(sitesDir, code, entries, hash)
      done.push(code)
      const how = unchanged ? ` (${rendered} rendered, ${unchanged} unchanged)` : ''
      log(`[site ${Object.keys(pagesByMission).length}/${missions.length}] ${code}: ${count} pages${how} → ${path.relative(process.cwd(), path.join(sitesDir, code))}/`)
    }
    const pages = Object.values(pagesByMission).reduce((a, b) => a + b, 0)
    const seconds = (Date.now() - started) / 1000
    const renderedNote = pagesRendered < pages ? `, ${pagesRendered} rendered and ${pages - pagesRendered} unchanged` : ''
    const stageNote = `export ${stages.export.toFixed(1)} s, astro ${stages.render.toFixed(1)} s, search index ${stages.searchIndex.toFixed(1)} s; stages overlap`
    log(`Built ${done.length} mission site(s), ${pages} pages${renderedNote} in ${seconds.toFixed(1)} s (${stageNote}).`)
    if (failures.length && !options.isolateFailures) {
      throw new Error(`Could not build ${failures.length} mission site(s):\n${failures.map((f) => `- ${f.mission}: ${f.error}`).join('\n')}`)
    }
    return { missions: [...done].sort(), articlePages, pages, pagesRendered, pagesByMission, seconds, stages, failures }
  } finally {
    await releaseSearch()
    rmSync(runDir, { recursive: true, force: true })
  }
}
