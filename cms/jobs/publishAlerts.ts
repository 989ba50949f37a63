import type { TaskConfig } from 'payload'
import { writeAlertFile } from '../../core/alertFile'

type Input = { mission: number; reason?: string }

/**
 * Publishes a mission's emergency alerts: writes the alert file again (alerts that started or
 * expired since are now in or out of force) and, with S3_BUCKET set, uploads it to the bucket
 * and purges it (pipeline/deploy/alerts.ts). Queued by every alert create, change and deletion,
 * and for each alert's start and expiry times (`waitUntil`); its own queue, run every second,
 * so it never waits behind a site build.
 */
export const publishAlertsTask: TaskConfig<{ input: Input; output: { uploaded: boolean; purgedUrls: string[] } }> = {
  slug: 'publishAlerts',
  label: 'Publish emergency alerts',
  inputSchema: [
    { name: 'mission', type: 'number', required: true },
    { name: 'reason', type: 'text' },
  ],
  outputSchema: [
    { name: 'uploaded', type: 'checkbox' },
    { name: 'purgedUrls', type: 'json' },
  ],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ input, req }) => {
    const { s3ConfigFromEnv } = await import('../../pipeline/deploy/config')
    const { file } = await writeAlertFile(req.payload, input.mission)
    const s3 = s3ConfigFromEnv()
    if (!s3) return { output: { uploaded: false, purgedUrls: [] } }
    const { purgerFromEnv } = await import('../../pipeline/deploy/cdn')
    const { publishAlertFile } = await import('../../pipeline/deploy/alerts')
    const mission = await req.payload.findByID({ collection: 'missions', id: input.mission, depth: 0, overrideAccess: true })
    const { purgedUrls } = await publishAlertFile({ s3, file, siteUrl: mission.siteUrl, purger: purgerFromEnv() })
    return { output: { uploaded: true, purgedUrls } }
  },
}

/** The queue the alerts job runs on (cms/payload.config.ts runs it every second). */
export const ALERTS_QUEUE = 'alerts'
