import path from 'node:path'
import pLimit from 'p-limit'
import { workDir } from '#core/paths'
import { failMission, type BuildRun } from './buildRun'
import { publishMission } from './publishMission'
import { renderAstro } from './renderAstro'
import { SEARCH_LANES } from './searchIndex'

/**
 * Stage 2: one astro build for a shard of exported missions, then each mission published as
 * search lanes come free. A shared build that fails is rendered again mission by mission, so one
 * broken mission does not keep the others from going live.
 */
export async function renderShard(run: BuildRun, codes: string[], shard: number, inputsHashes: Map<string, string | undefined>) {
  const out = path.join(run.runDir, `astro-${shard}`)
  const render = async (list: string[], dir: string) => {
    const t0 = Date.now()
    await renderAstro({
      contentDir: run.contentDir,
      outDir: dir,
      cacheDir: path.join(workDir, `astro-cache-${shard}`),
      missions: list,
      log: (l) => run.log(`  ${l}`),
      onProcess: run.onRenderProcess,
      incremental: {
        manifestOutDir: `${dir}.manifests`,
        previousManifestDir: run.previousManifestDir,
        previousSitesDir: run.sitesDir,
        templateHash: run.templateHash,
      },
    }).finally(() => (run.stages.render += (Date.now() - t0) / 1000))
  }
  try {
    await render(codes, out)
  } catch (error) {
    if (codes.length === 1) return failMission(run, codes[0]!, error)
    run.log(`[render] a shared build failed; rendering its ${codes.length} missions one by one to isolate the failure`)
    for (const code of codes) {
      const single = path.join(run.runDir, `astro-${shard}-${code}`)
      try {
        await render([code], single)
        await publishMission(run, code, single, inputsHashes.get(code))
      } catch (e) {
        failMission(run, code, e)
      }
    }
    return
  }
  // Indexing is the tail of the build and Pagefind's own: one lane per core, not one mission after another.
  const publishLimit = pLimit(SEARCH_LANES)
  const published = await Promise.allSettled(codes.map((code) => publishLimit(() => publishMission(run, code, out, inputsHashes.get(code)))))
  published.forEach((r, k) => r.status === 'rejected' && failMission(run, codes[k]!, r.reason))
}
