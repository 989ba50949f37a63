import type { Payload } from 'payload'
import { buildSites } from '../buildSites'
import type { CdnPurger } from './cdn'
import type { S3Config } from './config'
import { deployMission, type DeployResult } from './deployMission'
import { recordBuildFailure } from './records'

export type MissionOutcome = { mission: string; ok: true; result: DeployResult } | { mission: string; ok: false; stage: 'build' | 'deploy'; error: string }

/**
 * Build the requested missions in one Astro run, then deploy each built mission on its own.
 * A mission that fails to build or deploy is reported (and recorded) without stopping the rest.
 */
export async function buildAndDeploy(options: {
  payload: Payload
  missions?: string[]
  trigger: string
  s3: S3Config
  purger: CdnPurger
  skipBuild?: boolean
  sitesDir?: string
  /** See DeployOptions.allowLoopbackUrls (tests and benchmarks of a local bucket only). */
  allowLoopbackUrls?: boolean
  log?: (line: string) => void
}): Promise<MissionOutcome[]> {
  const { payload, trigger, s3, purger, log } = options
  const outcomes: MissionOutcome[] = []
  let codes = options.missions ?? []
  let pagesByMission: Record<string, number> = {}
  let buildMs = 0
  if (!options.skipBuild) {
    const started = Date.now()
    const report = await buildSites({ payload, missions: options.missions, sitesDir: options.sitesDir, isolateFailures: true, log })
    buildMs = Date.now() - started
    for (const f of report.failures) {
      await recordBuildFailure(payload, f.mission, trigger, f.error)
      outcomes.push({ mission: f.mission, ok: false, stage: 'build', error: f.error })
    }
    codes = report.missions
    pagesByMission = report.pagesByMission
  } else if (!codes.length) {
    const all = await payload.find({ collection: 'missions', pagination: false, depth: 0, sort: 'code', overrideAccess: true })
    codes = all.docs.map((m) => m.code)
  }
  for (const code of codes) {
    try {
      const result = await deployMission({
        payload,
        mission: code,
        trigger,
        s3,
        purger,
        sitesDir: options.sitesDir,
        pagesRendered: pagesByMission[code],
        buildMs,
        allowLoopbackUrls: options.allowLoopbackUrls,
        log,
      })
      outcomes.push({ mission: code, ok: true, result })
    } catch (error) {
      outcomes.push({ mission: code, ok: false, stage: 'deploy', error: error instanceof Error ? error.message : String(error) })
    }
  }
  return outcomes
}
