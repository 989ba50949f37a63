import type { AlertFile } from '../../core/alertBanner'
import { missionSiteUrl } from '../../core/paths'
import { MissionBucket } from './bucket'
import type { CdnPurger } from './cdn'
import type { S3Config } from './config'

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
