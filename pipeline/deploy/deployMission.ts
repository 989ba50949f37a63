import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { lockMissions } from '../missionLocks'
import type { Payload } from 'payload'
import { missionAlertFile } from '#core/alertFile'
import type { AlertFile } from '#core/alertBanner'
import { alertDeliveryFromEnv, type AlertDelivery, deliverAlerts } from './alertDelivery'
import type { Deployment, Mission } from '#core/payload-types'
import { missionSiteUrl, sitesDir as defaultSitesDir } from '#core/paths'
import { MissionBucket } from './bucket'
import { NoopPurger, type CdnPurger } from './cdn'
import type { S3Config } from './config'
import { missionHostsOf } from '#core/siteRouting'
import { isImmutable, manifestOf, type Manifest, surrogateKeyOfFile, urlsFor } from './objects'
import { planDeploy } from './plan'
import { failStaleDeployments, finishDeployment, startDeployment } from './records'
import { defaultContentStore, type DeployStore } from './store'
import { deployAllowLoopback } from '#core/config'

export type DeployOptions = {
  payload: Payload
  mission: string
  /** Who or what asked, stored on the record: "cli", "job: publish", … */
  trigger: string
  s3: S3Config
  purger?: CdnPurger
  sitesDir?: string
  store?: DeployStore
  /** Re-deploy the exact file set of this earlier successful deployment instead of dist/sites/<code>/. */
  rollbackTo?: number
  /** From the build step, for the record. */
  pagesRendered?: number
  buildMs?: number
  concurrency?: number
  log?: (line: string) => void
  /**
   * Deploy pages whose canonical URL is on localhost or a loopback address (tests and benchmarks
   * of a local bucket only). Without it such a deploy is refused: readers would get links to
   * the admin's machine. Default: DEPLOY_ALLOW_LOOPBACK=true in the environment.
   */
  allowLoopbackUrls?: boolean
  /**
   * Re-deploy the live file set with the alert banner of now baked in or taken out
   * (ALERT_DELIVERY=baked; pipeline/deploy/alerts.ts): only the pages whose banner changed are uploaded.
   */
  alertsOnly?: boolean
  /** Default: ALERT_DELIVERY (pipeline/deploy/alertDelivery.ts). */
  alertDelivery?: AlertDelivery
  /** The mission's alerts, for a baked deploy; default: read from the database now. */
  alerts?: AlertFile | null
  /** Called after each object upload (progress; tests use it to cut the connection mid-deploy). */
  onUploaded?: (file: string) => void | Promise<void>
}

export type DeployResult = {
  deploymentId: number
  uploaded: string[]
  deleted: string[]
  unchanged: number
  bytesUploaded: number
  purgedUrls: string[]
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  const queue = [...items]
  let failed: unknown
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined && !failed; item = queue.shift()) {
      await fn(item).catch((e: unknown) => {
        failed ??= e
      })
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  if (failed) throw failed
}

/** Another deploy of the mission holds its deploy lock. */
export class MissionBeingDeployed extends Error {}
/** An `alertsOnly` deploy of a mission that has no live deployment in the bucket: nothing to re-deploy. */
export class NothingDeployedYet extends Error {}

const message = (e: unknown) => (e instanceof Error ? e.message || e.name : String(e))

const LOOPBACK_HOST = /^(localhost|.*\.localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i
/** True for http(s) URLs on localhost, 127.0.0.0/8, ::1 or the unspecified address. */
export const isLoopbackUrl = (url: string) => {
  try {
    return LOOPBACK_HOST.test(new URL(url).hostname)
  } catch {
    return false
  }
}

/**
 * Refuses a site built for the local server: its home pages' canonical URLs (the base every
 * link, sitemap, feed and purge URL was built from) must not be on localhost or loopback.
 */
function refuseLoopbackSite(code: string, siteDir: string, files: string[]) {
  const homes = files.filter((f) => f === 'index.html' || /^[^/]+\/index\.html$/.test(f))
  for (const home of homes) {
    const html = readFileSync(path.join(siteDir, home), 'utf8')
    const canonical = /<link[^>]+rel="canonical"[^>]*>/i.exec(html)?.[0]
    const href = canonical && /href="([^"]+)"/i.exec(canonical)?.[1]
    if (href && isLoopbackUrl(href)) {
      throw new Error(
        `The built site of ${code} is for ${new URL(href).origin} (canonical of ${home}: ${href}), a local address readers cannot reach. ` +
          `Build it for its public address: set SITE_BASE_URL to the sites' public URL (e.g. https://sites.example.org), or unset it and give the mission its Public site URL, then deploy again.`,
      )
    }
  }
}

/**
 * Deploys one mission's built site to its bucket prefix, uploading only objects whose content
 * hash differs from the live manifest. The live manifest is replaced only after every upload
 * succeeded, and nothing is deleted before that, so a failed deploy leaves the previous
 * deployment's objects all in place; the record says failed with the reason, and a retry
 * uploads whatever still differs.
 */
export async function deployMission(options: DeployOptions): Promise<DeployResult> {
  const { payload } = options
  const log = options.log ?? ((l: string) => console.log(l))
  const store = options.store ?? defaultContentStore()
  const found = await payload.find({ collection: 'missions', where: { code: { equals: options.mission } }, depth: 0, limit: 1, overrideAccess: true })
  const mission = found.docs[0] as Mission | undefined
  if (!mission) throw new Error(`Unknown mission code "${options.mission}"`)

  // One deploy of a mission at a time across every process and machine (an advisory lock, not a
  // check-then-write); holding it, any record still "running" belongs to a deploy that died.
  const lock = await lockMissions(payload, 'deploy', [mission.id])
  if (lock.busy.length) {
    await lock.release()
    const { live } = await failStaleDeployments(payload, mission.id)
    const by = live[0] ? ` (deployment #${live[0].id} by ${live[0].runner})` : ''
    throw new MissionBeingDeployed(`Mission ${mission.code} is already being deployed${by}; try again when it finishes.`)
  }
  try {
    return await deployLocked(options, mission, log, store)
  } finally {
    await lock.release()
  }
}

async function deployLocked(options: DeployOptions, mission: Mission, log: (l: string) => void, store: DeployStore): Promise<DeployResult> {
  const { payload } = options
  const { stale } = await failStaleDeployments(payload, mission.id, undefined, { deployLockHeld: true })
  if (stale) log(`[deploy ${mission.code}] marked ${stale} interrupted deployment(s) failed`)

  const delivery = options.alertDelivery ?? alertDeliveryFromEnv()
  // Read under the deploy lock: the live set cannot change before this deploy replaces it.
  let live: Manifest | null = null
  if (options.alertsOnly) {
    const probe = new MissionBucket(options.s3, mission.code)
    try {
      live = await probe.readLiveManifest()
    } finally {
      probe.destroy()
    }
    if (!live)
      throw new NothingDeployedYet(`Mission ${mission.code} has no live deployment in the bucket: there are no pages to put the alert banner into yet.`)
  }

  let target: Deployment | undefined
  if (options.rollbackTo !== undefined) {
    target = (await payload.findByID({ collection: 'deployments', id: options.rollbackTo, depth: 0, overrideAccess: true, disableErrors: true })) ?? undefined
    if (!target) throw new Error(`There is no deployment #${options.rollbackTo}`)
    const targetMission = typeof target.mission === 'object' ? target.mission.id : target.mission
    if (targetMission !== mission.id) throw new Error(`Deployment #${target.id} belongs to another mission`)
    if (!['succeeded', 'rolled-back'].includes(target.status) || !target.manifest) {
      throw new Error(`Deployment #${target.id} did not succeed (status ${target.status}); only a successful deployment can be rolled back to.`)
    }
  }

  const record = await startDeployment(payload, {
    mission: mission.id,
    trigger: options.trigger,
    rollbackOf: target?.id,
  })
  const timings: Record<string, number> = { build: options.buildMs ?? 0 }
  const started = Date.now()
  const stage = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = Date.now()
    try {
      return await fn()
    } finally {
      timings[name] = (timings[name] ?? 0) + Date.now() - t
    }
  }
  const bucket = new MissionBucket(options.s3, mission.code)
  const tag = `[deploy ${mission.code} #${record.id}]`
  let desired: Manifest = { files: {} }
  let uploadedSoFar = 0
  try {
    desired = await stage('prepare', async () => {
      const fromStore = target ? (target.manifest as Manifest) : live ? { files: live.files } : undefined
      if (fromStore) {
        const manifest = fromStore
        const what = target ? `Deployment #${target.id}` : 'The live deployment'
        const missing: string[] = []
        await mapLimit(Object.entries(manifest.files), options.concurrency ?? 8, async ([file, e]) => {
          if (!(await store.has(e.sha256)) || (e.source && !(await store.has(e.source)))) missing.push(file)
        })
        if (missing.length)
          throw new Error(`${what} cannot be restored: ${missing.length} file(s) are missing from the content store (${store.where}), e.g. ${missing[0]}`)
        return manifest
      }
      const siteDir = path.join(options.sitesDir ?? defaultSitesDir, mission.code)
      if (!existsSync(path.join(siteDir)))
        throw new Error(`No built site for ${mission.code} in ${siteDir}: build it first (npm run build:sites -- --mission ${mission.code})`)
      const manifest = await manifestOf(siteDir)
      if (!Object.keys(manifest.files).length) throw new Error(`The built site of ${mission.code} is empty`)
      if (!(options.allowLoopbackUrls ?? deployAllowLoopback())) refuseLoopbackSite(mission.code, siteDir, Object.keys(manifest.files))
      // Snapshot into the content store first: uploads then read bytes that cannot change under
      // them (a rebuild may swap dist/ meanwhile), and rollback can restore this exact set later.
      await mapLimit(Object.entries(manifest.files), options.concurrency ?? 8, async ([file, e]) => store.put(path.join(siteDir, file), e.sha256, e.size))
      return manifest
    })
    // The alert banner: baked into the pages (CDNs without edge code), or left to the edge worker.
    if (delivery === 'baked' || Object.values(desired.files).some((e) => e.source)) {
      const alerts = delivery === 'baked' ? (options.alerts ?? (await missionAlertFile(payload, mission.id))) : null
      const delivered = await stage('prepare', async () => deliverAlerts(desired, { mode: delivery, alerts, store }))
      desired = delivered.manifest
      if (delivery === 'baked') log(`${tag} alert banner baked into ${delivered.bakedPages} page(s)`)
    }
    const [liveManifest, listed] = await stage('prepare', async () => Promise.all([bucket.readLiveManifest(), bucket.listFiles()]))
    const plan = planDeploy(desired, liveManifest, listed)
    log(`${tag} ${plan.assets.length} asset(s) and ${plan.pages.length} page(s) to upload, ${plan.deletes.length} to delete, ${plan.unchanged} unchanged`)

    const concurrency = options.concurrency ?? 8
    let bytes = 0
    const upload = async (file: string) => {
      const e = desired.files[file]!
      try {
        await store.deliver(bucket, file, e)
      } catch (error) {
        throw new Error(`upload of ${file} failed: ${message(error)}`)
      }
      bytes += e.size
      uploadedSoFar++
      await options.onUploaded?.(file)
    }
    // Routing of missions on their own domain, for the edge worker (edge/worker.ts): written while
    // the objects upload (not after them: it is on the path of publish → live), and before the
    // switch, so a failure leaves the previous deployment whole.
    const hosts = (async () => {
      const all = await payload.find({ collection: 'missions', pagination: false, depth: 0, select: { code: true, siteUrl: true }, overrideAccess: true })
      await bucket.writeHosts(missionHostsOf(all.docs))
    })()
    hosts.catch(() => {}) // awaited below; a failed upload first must not leave it unhandled
    await stage('uploadAssets', () => mapLimit(plan.assets, concurrency, upload))
    await stage('uploadPages', () => mapLimit(plan.pages, concurrency, upload))
    await stage('uploadPages', () => hosts)
    await stage('uploadPages', () => bucket.writeLiveManifest({ ...desired, deploymentId: record.id, deployedAt: new Date().toISOString() }))
    await stage('delete', () => bucket.delete(plan.deletes))

    // Purge what readers may hold a cached copy of: replaced or removed objects, and new pages
    // (a CDN may cache a 404). New hashed assets were never served under their name.
    const siteUrl = missionSiteUrl(mission.code, mission.siteUrl)
    const purgeFiles = [...plan.assets.filter((f) => !isImmutable(f) || f in (liveManifest?.files ?? {})), ...plan.pages, ...plan.deletes]
    const purgedUrls = purgeFiles.flatMap((f) => urlsFor(siteUrl, f))
    const purger = options.purger ?? new NoopPurger()
    let purgeError: string | undefined
    if (purgedUrls.length) {
      const keys = purgeFiles.map((f) => surrogateKeyOfFile(mission.code, f))
      await stage('purge', () => purger.purge(purgedUrls, { mission: mission.code, keys })).catch((e: unknown) => {
        // The new site is live and whole; only caches may serve old copies until max-age passes.
        purgeError = `CDN purge (${purger.name}) failed; cached copies expire within their max-age: ${message(e)}`
        log(`${tag} ${purgeError}`)
      })
    }

    if (target) {
      // Deployments made after the one restored are no longer what readers see.
      const later = await payload.find({
        collection: 'deployments',
        where: {
          and: [
            { mission: { equals: mission.id } },
            { status: { equals: 'succeeded' } },
            { id: { greater_than: target.id } },
            { id: { less_than: record.id } },
          ],
        },
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
      for (const d of later.docs) await payload.update({ collection: 'deployments', id: d.id, data: { status: 'rolled-back' }, depth: 0, overrideAccess: true })
    }
    timings.total = Date.now() - started + (options.buildMs ?? 0)
    const uploaded = [...plan.assets, ...plan.pages]
    await finishDeployment(payload, record.id, {
      status: 'succeeded',
      timings,
      pagesRendered: options.pagesRendered ?? Object.keys(desired.files).filter((f) => f.endsWith('.html')).length,
      objectsUploaded: uploaded.length,
      objectsDeleted: plan.deletes.length,
      objectsUnchanged: plan.unchanged,
      bytesUploaded: bytes,
      purgedUrls: purgedUrls,
      manifest: desired,
      error: purgeError ?? null,
    })
    log(
      `${tag} live: ${uploaded.length} uploaded (${(bytes / 1024).toFixed(0)} KiB), ${plan.deletes.length} deleted, ${purgedUrls.length} URL(s) purged in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
    return { deploymentId: record.id, uploaded, deleted: plan.deletes, unchanged: plan.unchanged, bytesUploaded: bytes, purgedUrls }
  } catch (error) {
    timings.total = Date.now() - started + (options.buildMs ?? 0)
    const reason = message(error)
    await finishDeployment(payload, record.id, {
      status: 'failed',
      timings,
      objectsUploaded: uploadedSoFar,
      manifest: desired,
      error: `${reason}\nThe previous deployment's objects were not deleted and the live manifest was not replaced; run the deploy again to retry.`,
    }).catch(() => {})
    throw new Error(`Deploy of ${mission.code} failed (deployment #${record.id}): ${reason}`, { cause: error })
  } finally {
    bucket.destroy()
  }
}
