import type { Payload } from 'payload'
import type { Manifest } from './objects'
import { defaultContentStore, type DeployStore } from './store'

export type PruneResult = { deploymentsKept: number; filesKept: number; filesRemoved: number; bytesRemoved: number }

/**
 * Keeps the deploy store (the bytes every rollback needs) bounded. The files of each mission's
 * last `keep` successful deployments stay — rolling back to one of them keeps working —
 * and so does anything written in the last `graceMs` (a deploy in progress snapshots its files
 * before its record has a manifest). Everything else is deleted; rolling back to an older
 * deployment is then refused with the number of missing files (deployMission, "prepare").
 */
export async function pruneContentStore(
  payload: Payload,
  options: { keep: number; store?: DeployStore; graceMs?: number; log?: (line: string) => void },
): Promise<PruneResult> {
  if (!Number.isInteger(options.keep) || options.keep < 1) throw new Error(`--keep must be a whole number of at least 1, got ${options.keep}`)
  const store = options.store ?? defaultContentStore()
  const graceMs = options.graceMs ?? 60 * 60 * 1000
  const log = options.log ?? (() => {})
  const missions = await payload.find({ collection: 'missions', pagination: false, depth: 0, select: { code: true }, overrideAccess: true })
  const referenced = new Set<string>()
  let deploymentsKept = 0
  for (const mission of missions.docs) {
    const kept = await payload.find({
      collection: 'deployments',
      where: { and: [{ mission: { equals: mission.id } }, { status: { in: ['succeeded', 'rolled-back'] } }] },
      sort: '-startedAt',
      limit: options.keep,
      depth: 0,
      select: { manifest: true },
      overrideAccess: true,
    })
    for (const d of kept.docs) for (const e of Object.values((d.manifest as Manifest | null)?.files ?? {})) referenced.add(e.sha256)
    deploymentsKept += kept.docs.length
  }
  const result: PruneResult = { deploymentsKept, filesKept: 0, filesRemoved: 0, bytesRemoved: 0 }
  const cutoff = Date.now() - graceMs
  const removable: string[] = []
  for await (const entry of store.list()) {
    if (referenced.has(entry.sha256) || entry.modifiedMs > cutoff) {
      result.filesKept++
      continue
    }
    removable.push(entry.sha256)
    result.filesRemoved++
    result.bytesRemoved += entry.size
  }
  await store.remove(removable)
  log(
    `Deploy store: kept ${result.filesKept} file(s) for the last ${options.keep} deployment(s) of each mission (${deploymentsKept} in all); removed ${result.filesRemoved} (${(result.bytesRemoved / 1e6).toFixed(1)} MB).`,
  )
  return result
}
