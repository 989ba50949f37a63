import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Mission } from '#core/payload-types'
import { failMission, type BuildRun } from './buildRun'
import { exportMission } from './exportContent'
import { missionInputsHash, validManifest } from './incremental'

export type ExportOutcome = 'exported' | 'upToDate' | 'failed'

/**
 * Stage 1: export one mission's published content for Astro, and decide whether it needs a
 * build at all — a mission whose inputs hash equals its live site's is left as it is.
 */
export async function exportMissionStage(run: BuildRun, mission: Mission): Promise<{ outcome: ExportOutcome; inputsHash?: string }> {
  try {
    const r = await exportMission(run.payload, mission, run.contentDir, path.join(run.assetsDir, mission.code))
    const count = run.exported.size + run.upToDate.length + 1
    const elapsed = (Date.now() - run.started) / 1000
    const eta = (elapsed / count) * (run.totalMissions - count)
    run.log(`[export ${count}/${run.totalMissions}] ${mission.code}: ${r.articlePages} article pages (ETA export ${eta.toFixed(0)} s)`)
    run.articlePages += r.articlePages
    const inputsHash = missionInputsHash(path.join(run.contentDir, mission.code), mission.enabledLocales as string[], run.templateHash)
    const manifest = run.full ? null : validManifest(run.sitesDir, mission.code, run.templateHash)
    if (manifest?.inputsHash === inputsHash && manifest.pageCount !== undefined) {
      run.upToDate.push(mission.code)
      run.pagesByMission[mission.code] = manifest.pageCount
      run.log(`[site] ${mission.code}: up to date, nothing to render`)
      return { outcome: 'upToDate' }
    }
    if (manifest) writeFileSync(path.join(run.previousManifestDir, `${mission.code}.json`), JSON.stringify(manifest))
    run.exported.set(mission.code, mission)
    return { outcome: 'exported', inputsHash }
  } catch (error) {
    rmSync(path.join(run.contentDir, mission.code), { recursive: true, force: true })
    failMission(run, mission.code, error)
    return { outcome: 'failed' }
  }
}
