import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { activeAlerts, alertBannerHtml as renderBanner, type AlertFile } from '#core/alertBanner'
import { lookupUiString } from '#core/uiStrings'
import { siteFileCandidates } from './staticFiles'

/**
 * Emergency alerts on the local server: the banner itself (core/alertBanner.ts) is the edge
 * worker's; this reads the mission's alert file from disk (cms/collections/alerts/index.ts writes it).
 */
export { activeAlerts, ALERT_MARKER, withBanner } from '#core/alertBanner'

/** The mission's alert file, or null when there is none or it cannot be read. */
export function readAlertFile(alertsDir: string, code: string): AlertFile | null {
  if (!/^[a-z0-9-]+$/.test(code)) return null
  const file = path.join(alertsDir, `${code}.json`)
  if (!existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AlertFile
  } catch {
    return null // a torn or broken file must not take the site down; the next write replaces it
  }
}

/** HTML of the banner(s) in force, in the page's locale (else the site's default locale); words from locales/. */
export const alertBannerHtml = (file: AlertFile | null, locale: string, now = new Date()) => renderBanner(file, locale, (l, key) => lookupUiString(l, key), now)

/** Active alerts of a mission, as served at /<code>/alert.json. */
export const activeAlertsJson = (file: AlertFile | null) => JSON.stringify({ alerts: activeAlerts(file) })

/** The built HTML file a request path maps to (…/ → …/index.html), or null. */
export function htmlFileFor(sitesDir: string, pathname: string): string | null {
  return siteFileCandidates(sitesDir, pathname).find((file) => file.endsWith('.html') && existsSync(file) && statSync(file).isFile()) ?? null
}
