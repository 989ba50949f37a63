import { rmSync } from 'node:fs'
import pLimit from 'p-limit'
import type { Payload } from 'payload'
import type { Mission } from '#core/payload-types'
import { sitesDir as defaultSitesDir, workDir } from '#core/paths'
import { analyticsConfig } from '../site/analytics'
import { buildReport, startBuildRun, type BuildReport } from './buildRun'
import { exportMissionStage } from './exportMission'
import { planBuild } from './plan'
import { recoverInterruptedBuilds } from './publishOutput'
import { renderShard } from './renderShard'
import { holdSearchBackend } from './searchIndex'

export type { BuildFailure, BuildReport } from './buildRun'

const EXPORT_CONCURRENCY = 4

/**
 * The build pipeline, as named stages: plan shards → export each mission (skipping missions
 * whose inputs are those of their live site) → one astro build per shard → publish each mission
 * (search index, atomic swap into dist/sites/<code>/). A failure leaves the previously built
 * sites untouched.
 */
export async function buildSites(options: {
  payload: Payload
  missions?: string[]
  sitesDir?: string
  log?: (line: string) => void
  /** Return failed missions in `failures` instead of throwing; either way the other missions are built. */
  isolateFailures?: boolean
  /** Gets the pid of each astro build process (the benchmark samples its memory). */
  onRenderProcess?: (pid: number) => void
  /** Render every page, ignoring the manifests of the previous build (pipeline/incremental.ts). */
  full?: boolean
}): Promise<BuildReport> {
  const log = options.log ?? ((l: string) => console.log(l))
  const sitesDir = options.sitesDir ?? defaultSitesDir
  const missions = await missionsToBuild(options.payload, options.missions)
  // A misconfigured analytics service fails the build at once, naming the variable, not per page in Astro.
  analyticsConfig()
  recoverInterruptedBuilds(sitesDir, workDir)
  const run = startBuildRun({
    payload: options.payload,
    sitesDir,
    full: Boolean(options.full),
    totalMissions: missions.length,
    log,
    onRenderProcess: options.onRenderProcess,
  })
  const releaseSearch = holdSearchBackend()
  try {
    const plan = await planBuild(options.payload, missions, EXPORT_CONCURRENCY)
    const atOnce = plan.shards.length > plan.concurrent ? `, ${plan.concurrent} at a time` : ''
    log(`[render] ${missions.length} mission(s) in up to ${plan.shards.length} astro build(s)${atOnce}, each starting as soon as its missions are exported …`)
    const exportLimit = pLimit(EXPORT_CONCURRENCY)
    const renderLimit = pLimit(plan.concurrent)
    const inputsHashes = new Map<string, string | undefined>()
    const renders: Promise<void>[] = []
    // Measured at 96 missions × 25 articles: 20.6 s with the overlap, 21.1 s exporting everything first.
    const exportStarted = Date.now()
    for (const [shard, codes] of plan.shards.entries()) {
      const outcomes = await Promise.all(
        codes.map((code) =>
          exportLimit(() =>
            exportMissionStage(
              run,
              missions.find((m) => m.code === code)!,
            ),
          ),
        ),
      )
      outcomes.forEach((o, k) => o.outcome === 'exported' && inputsHashes.set(codes[k]!, o.inputsHash))
      const ready = codes.filter((_, k) => outcomes[k]!.outcome === 'exported')
      if (ready.length) renders.push(renderLimit(() => renderShard(run, ready, shard, inputsHashes)))
    }
    run.stages.export = (Date.now() - exportStarted) / 1000
    await Promise.all(renders)
    const report = buildReport(run)
    logSummary(log, report)
    if (report.failures.length && !options.isolateFailures) {
      throw new Error(`Could not build ${report.failures.length} mission site(s):\n${report.failures.map((f) => `- ${f.mission}: ${f.error}`).join('\n')}`)
    }
    return report
  } finally {
    await releaseSearch()
    rmSync(run.runDir, { recursive: true, force: true })
  }
}

async function missionsToBuild(payload: Payload, codes: string[] | undefined): Promise<Mission[]> {
  const all = await payload.find({ collection: 'missions', pagination: false, depth: 0, sort: 'code', overrideAccess: false })
  const wanted = codes?.length ? codes : all.docs.map((m) => m.code)
  const unknown = wanted.filter((c) => !all.docs.some((m) => m.code === c))
  if (unknown.length) throw new Error(`Unknown mission code(s): ${unknown.join(', ')}. Known: ${all.docs.map((m) => m.code).join(', ') || '(none)'}`)
  const missions = all.docs.filter((m) => wanted.includes(m.code)) as Mission[]
  if (!missions.length) throw new Error('There are no missions to build. Run `npm run seed` or create a mission in the admin.')
  return missions
}

function logSummary(log: (line: string) => void, report: BuildReport) {
  const renderedNote = report.pagesRendered < report.pages ? `, ${report.pagesRendered} rendered and ${report.pages - report.pagesRendered} unchanged` : ''
  const upToDateNote = report.upToDate.length ? `; ${report.upToDate.length} already up to date` : ''
  const { export: exported, render, searchIndex } = report.stages
  const stageNote = `export ${exported.toFixed(1)} s, astro ${render.toFixed(1)} s, search index ${searchIndex.toFixed(1)} s; stages overlap`
  log(
    `Built ${report.missions.length - report.upToDate.length} mission site(s)${upToDateNote}, ${report.pages} pages${renderedNote} in ${report.seconds.toFixed(1)} s (${stageNote}).`,
  )
}
