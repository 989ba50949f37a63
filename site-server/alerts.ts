import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { AlertFile } from '../core/alertFile'
import { escapeHtml } from '../core/escapeHtml'
import { hasUiLocale, uiString } from '../core/uiStrings'
import { siteFileCandidates } from './staticFiles'

/**
 * Server-side rendering of emergency alerts (cms/collections/Alerts.ts): the site server
 * puts the banner in place of the <!--mp-alert--> marker that every built page carries, so
 * the alert shows without JavaScript and without a rebuild, and stops at its expiry.
 */

export const ALERT_MARKER = '<!--mp-alert-->'

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

export const activeAlerts = (file: AlertFile | null, now = new Date()) =>
  (file?.alerts ?? []).filter((a) => new Date(a.startsAt) <= now && now < new Date(a.expiresAt))

/** HTML of the banner(s) in force, in the page's locale (else the site's default locale). */
export function alertBannerHtml(file: AlertFile | null, locale: string, now = new Date()): string {
  return activeAlerts(file, now)
    .map((a) => {
      const textLocale = a.text[locale] ? locale : file!.defaultLocale
      const text = a.text[textLocale] ?? Object.values(a.text)[0] ?? ''
      const t = (key: string, date?: string) => uiString(locale, key).replace('{{date}}', date ?? '')
      const until = new Intl.DateTimeFormat(hasUiLocale(locale) ? locale : 'en', { dateStyle: 'medium', timeStyle: 'short', timeZone: file!.timeZone ?? 'UTC' }).format(new Date(a.expiresAt)) + ` (${file!.timeZone ?? 'UTC'})`
      return (
        `<div class="mp-alert mp-alert-${escapeHtml(a.severity)}" role="alert" data-alert-id="${a.id}">` +
        `<p><strong>${escapeHtml(t(`alert.${a.severity}`))}:</strong> <span lang="${escapeHtml(textLocale)}">${escapeHtml(text)}</span> ` +
        `<small>${escapeHtml(t('alert.until', until))}</small></p></div>`
      )
    })
    .join('')
}

/** The built HTML file a request path maps to (…/ → …/index.html), or null. */
export function htmlFileFor(sitesDir: string, pathname: string): string | null {
  return siteFileCandidates(sitesDir, pathname).find((file) => file.endsWith('.html') && existsSync(file) && statSync(file).isFile()) ?? null
}
