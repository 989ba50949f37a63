import { createHash } from 'node:crypto'
import { ALERT_MARKER, alertBannerHtml, type AlertFile, withBanner } from '#core/alertBanner'
import { localeOf } from '#core/siteRouting'
import type { FileEntry, Manifest } from './objects'
import type { DeployStore } from './store'

/**
 * How the emergency alert banner reaches readers of the bucket (ALERT_DELIVERY):
 * - `edge` (default): the edge worker (edge/worker.ts) renders it into every page per request from
 *   the alert file; the deployed pages keep their `<!--mp-alert-->` marker.
 * - `baked`: for CDNs without edge code (plain S3 + CloudFront). Every deploy puts the banner of
 *   the alerts in force into the pages it uploads, and every alert change, start and expiry
 *   redeploys the mission's live pages with the banner of that moment (pipeline/deploy/alerts.ts).
 */
export type AlertDelivery = 'edge' | 'baked'

export function alertDeliveryFromEnv(env: NodeJS.ProcessEnv = process.env): AlertDelivery {
  const value = env.ALERT_DELIVERY || 'edge'
  if (value === 'edge' || value === 'baked') return value
  throw new Error(
    `ALERT_DELIVERY must be "edge" (the edge worker renders the alert banner) or "baked" (pages are redeployed with the banner in them, for CDNs without edge code), got "${value}"`,
  )
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/**
 * The file set to deploy with the alerts of `now` delivered as `mode` says. Baked: each HTML page
 * that carries the marker (as built: `source`) gets the banner in its own language (its /<locale>/
 * folder, else the mission's default), rendered by core/alertBanner.ts like the edge's — the bytes
 * go into the content store, so rollbacks and later alert changes start from the page as built.
 * Edge, or no alert in force: pages go back to their built bytes, marker included.
 */
export async function deliverAlerts(
  manifest: Manifest,
  options: { mode: AlertDelivery; alerts: AlertFile | null; store: DeployStore; now?: Date },
): Promise<{
  manifest: Manifest
  bakedPages: number
}> {
  const { store } = options
  const files: Record<string, FileEntry> = {}
  let bakedPages = 0
  for (const [file, entry] of Object.entries(manifest.files)) {
    if (!file.endsWith('.html') || (options.mode === 'edge' && !entry.source)) {
      files[file] = entry
      continue
    }
    const sourceSha = entry.source ?? entry.sha256
    const built = await store.read(sourceSha)
    const asBuilt: FileEntry = { sha256: sourceSha, size: built.length }
    const html = built.toString('utf8')
    const banner =
      options.mode === 'baked' && html.includes(ALERT_MARKER)
        ? alertBannerHtml(options.alerts, localeOf(file) ?? options.alerts?.defaultLocale ?? 'vi', undefined, options.now)
        : ''
    if (!banner) {
      files[file] = asBuilt
      continue
    }
    const bytes = Buffer.from(withBanner(html, banner))
    const hash = sha256(bytes)
    await store.putBytes(bytes, hash)
    files[file] = { sha256: hash, size: bytes.length, source: sourceSha }
    bakedPages++
  }
  return { manifest: { files }, bakedPages }
}
