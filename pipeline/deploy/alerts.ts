import type { Payload } from 'payload'
import type { AlertFile } from '#core/alertBanner'
import { missionSiteUrl } from '#core/paths'
import { MissionBucket } from './bucket'
import type { CdnPurger } from './cdn'
import type { S3Config } from './config'
import { deployMission, type DeployResult, MissionBeingDeployed, NothingDeployedYet } from './deployMission'
import type { DeployStore } from './store'

/**
 * Puts a mission's alert file into the bucket (`<prefix>_alerts/<code>.json`, a few seconds'
 * cache) and purges its public copy (`<site>/alert.json`), so the edge worker renders the
 * banner within seconds of an alert change, with no rebuild. Run by the alerts job
 * (cms/jobs/publishAlerts.ts); a failure throws, and the job retries it.
 */
export async function publishAlertFile(options: {
  s3: S3Config
  file: AlertFile
  siteUrl?: string | null
  purger: CdnPurger
}): Promise<{ key: string; purgedUrls: string[] }> {
  const bucket = new MissionBucket(options.s3, options.file.mission)
  try {
    await bucket.writeAlertFile(JSON.stringify(options.file))
    const purgedUrls = [`${missionSiteUrl(options.file.mission, options.siteUrl)}alert.json`]
    await options.purger.purge(purgedUrls, { mission: options.file.mission, keys: [`${options.file.mission}/alerts`] })
    return { key: bucket.alertKey, purgedUrls }
  } finally {
    bucket.destroy()
  }
}

/**
 * ALERT_DELIVERY=baked (CDNs without edge code): re-deploys the mission's live pages with the
 * banner of the alerts in force now baked in — or taken out at expiry — uploading only the pages
 * whose banner changed and purging them. It starts from the live deployment's pages as built
 * (content store), not from dist/, so it never deploys content that is not live already, and a
 * rollback stays rolled back. Under the mission's deploy lock like every deploy: `busy` when
 * another deploy holds it (the caller tries again shortly; a deploy that started before this
 * alert change may have baked the previous banner), `nothing-live` before the first deploy.
 */
export async function redeployWithAlerts(options: {
  payload: Payload
  mission: string
  alerts: AlertFile
  trigger: string
  s3: S3Config
  purger: CdnPurger
  store?: DeployStore
  log?: (line: string) => void
}): Promise<{ status: 'deployed'; result: DeployResult } | { status: 'busy' | 'nothing-live' }> {
  try {
    const result = await deployMission({ ...options, alertsOnly: true, alertDelivery: 'baked' })
    return { status: 'deployed', result }
  } catch (error) {
    if (error instanceof MissionBeingDeployed) return { status: 'busy' }
    if (error instanceof NothingDeployedYet) return { status: 'nothing-live' }
    throw error
  }
}
