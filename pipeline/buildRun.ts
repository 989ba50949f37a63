import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import type { Mission } from '#core/payload-types'
import { workDir } from '#core/paths'
import { templateHash } from './incremental'

export type BuildFailure = { mission: string; error: string }

export type BuildReport = {
  /** Missions whose site in sitesDir is now current: built and swapped in, or already up to date. */
  missions: string[]
  articlePages: number
  pages: number
  /** Pages Astro rendered; the others were unchanged and copied from the live site (incremental build). */
  pagesRendered: number
  /** HTML pages per built mission. */
  pagesByMission: Record<string, number>
  /** Of `missions`, those whose inputs were those of their live site: nothing was rendered, indexed or swapped. */
  upToDate: string[]
  seconds: number
  /** Wall-clock seconds per stage, summed over missions/processes (they overlap, so they add up to more than `seconds`). */
  stages: { export: number; render: number; searchIndex: number }
  /** Missions that could not be built (only with isolateFailures; otherwise buildSites throws). */
  failures: BuildFailure[]
}

/**
 * What the stages of one build share (pipeline/buildSites.ts composes them): where this run
 * works, what the last build left, and the tally the report is made of.
 */
export type BuildRun = {
  payload: Payload
  sitesDir: string
  runDir: string
  /** Exported JSON per mission, read by Astro. */
  contentDir: string
  /** Image derivatives per mission, copied into the published site. */
  assetsDir: string
  /** Manifests of the live sites, handed to Astro so it skips unchanged pages. */
  previousManifestDir: string
  templateHash: string
  full: boolean
  started: number
  log: (line: string) => void
  onRenderProcess?: (pid: number) => void
  /** Missions exported in this run, by code. */
  exported: Map<string, Mission>
  totalMissions: number
  articlePages: number
  pagesRendered: number
  pagesByMission: Record<string, number>
  upToDate: string[]
  stages: BuildReport['stages']
  failures: BuildFailure[]
  done: string[]
}

export function startBuildRun(options: {
  payload: Payload
  sitesDir: string
  full: boolean
  totalMissions: number
  log: (line: string) => void
  onRenderProcess?: (pid: number) => void
}): BuildRun {
  const runDir = path.join(workDir, `build-${process.pid}-${Date.now()}`)
  const run: BuildRun = {
    ...options,
    runDir,
    contentDir: path.join(runDir, 'content'),
    assetsDir: path.join(runDir, 'assets'),
    previousManifestDir: path.join(runDir, 'previous-manifests'),
    templateHash: templateHash(),
    started: Date.now(),
    exported: new Map(),
    articlePages: 0,
    pagesRendered: 0,
    pagesByMission: {},
    upToDate: [],
    stages: { export: 0, render: 0, searchIndex: 0 },
    failures: [],
    done: [],
  }
  mkdirSync(run.contentDir, { recursive: true })
  mkdirSync(run.previousManifestDir, { recursive: true })
  return run
}

/** Records a mission's failure; the other missions go on. */
export function failMission(run: BuildRun, mission: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error)
  run.failures.push({ mission, error: message })
  run.log(`[failed] ${mission}: ${message}`)
}

export function buildReport(run: BuildRun): BuildReport {
  const pages = Object.values(run.pagesByMission).reduce((a, b) => a + b, 0)
  return {
    missions: [...run.done, ...run.upToDate].sort(),
    articlePages: run.articlePages,
    pages,
    pagesRendered: run.pagesRendered,
    pagesByMission: run.pagesByMission,
    upToDate: [...run.upToDate].sort(),
    seconds: (Date.now() - run.started) / 1000,
    stages: run.stages,
    failures: run.failures,
  }
}
