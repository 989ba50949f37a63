import type { TaskConfig } from 'payload'
import { writeAlertFile } from '#core/alertFile'

type Input = { mission: number; reason?: string }

/**
 * Publishes a mission's emergency alerts: writes the alert file again (alerts that started or
 * expired since are now in or out of force) and, with S3_BUCKET set, uploads it to the bucket
 * and purges it (pipeline/deploy/alerts.ts). Queued by every alert create, change and deletion,
 * and for each alert's start and expiry times (`waitUntil`); its own queue, run every second,
 * so it never waits behind a site build. With ALERT_DELIVERY=baked (CDNs without edge code) it also
 * re-deploys the mission's live pages with the banner baked in, or taken out at expiry — the
 * priority job of docs/cdn.md: it does not wait for site builds, only for a deploy of the same mission.
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
    const purger = purgerFromEnv()
    const { purgedUrls } = await publishAlertFile({ s3, file, siteUrl: mission.siteUrl, purger })
    const { alertDeliveryFromEnv } = await import('../../pipeline/deploy/alertDelivery')
    if (alertDeliveryFromEnv() === 'baked') {
      const { redeployWithAlerts } = await import('../../pipeline/deploy/alerts')
      const log = (l: string) => req.payload.logger.info(l)
      const baked = await redeployWithAlerts({
        payload: req.payload,
        mission: mission.code,
        alerts: file,
        trigger: `job: alerts (${input.reason ?? 'change'})`,
        s3,
        purger,
        log,
      })
      if (baked.status === 'busy') {
        // Another deploy of the mission runs now and may have baked the previous banner: bake again once it ends.
        await req.payload.jobs.queue({
          task: 'publishAlerts',
          queue: ALERTS_QUEUE,
          input: { mission: input.mission, reason: 'after a running deploy' },
          waitUntil: new Date(Date.now() + 2_000),
        })
      }
      if (baked.status === 'deployed') purgedUrls.push(...baked.result.purgedUrls)
    }
    return { output: { uploaded: true, purgedUrls } }
  },
}

/** The queue the alerts job runs on (cms/payload.config.ts runs it every second). */
export const ALERTS_QUEUE = 'alerts'
