import { escapeHtml } from './escapeHtml'

/**
 * The emergency alert banner, rendered into served pages in place of the <!--mp-alert--> marker
 * every built page carries — by the local server (site-server/) and by the edge worker
 * (edge/worker.ts) alike, so the alert shows without JavaScript and without a rebuild, and stops
 * at its expiry. Pure code: it runs in Node and in workerd.
 */
export type AlertFile = {
  mission: string
  defaultLocale: string
  /** The mission's time zone: expiry times are shown in it. */
  timeZone?: string
  writtenAt: string
  alerts: { id: number; severity: string; startsAt: string; expiresAt: string; text: Record<string, string> }[]
  /**
   * The banner's own words per UI locale (`alert.info`, `alert.warning`, `alert.critical`,
   * `alert.until`), so a server without the locales/ folder (the edge) renders the same banner.
   */
  labels?: Record<string, Record<string, string>>
}

export const ALERT_MARKER = '<!--mp-alert-->'
export const ALERT_LABEL_KEYS = ['alert.info', 'alert.warning', 'alert.critical', 'alert.until'] as const

/** Where a mission's alert file lives, relative to the sites' root (locally dist/alerts/, in the bucket `<prefix>_alerts/`). */
export const alertFileName = (code: string) => `${code}.json`

export const activeAlerts = (file: AlertFile | null, now = new Date()) =>
  (file?.alerts ?? []).filter((a) => new Date(a.startsAt) <= now && now < new Date(a.expiresAt))

/** A UI string lookup: the string in `locale`, else a fallback, else undefined. */
export type LabelLookup = (locale: string, key: string) => string | undefined

/** Labels from the alert file itself: the page's locale, else English, else the mission's default. */
export const labelsOfFile =
  (file: AlertFile | null): LabelLookup =>
  (locale, key) =>
    file?.labels?.[locale]?.[key] ?? file?.labels?.en?.[key] ?? file?.labels?.[file.defaultLocale]?.[key]

const dateLocale = (locale: string) => {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : 'en'
  } catch {
    return 'en'
  }
}

/**
 * HTML of the banner(s) in force, in the page's locale; an alert without text in that locale shows
 * the mission's default-locale text, marked with its `lang`. Every text is escaped: markup in an
 * alert is shown as text.
 */
export function alertBannerHtml(file: AlertFile | null, locale: string, label: LabelLookup = labelsOfFile(file), now = new Date()): string {
  return activeAlerts(file, now)
    .map((a) => {
      const textLocale = a.text[locale] ? locale : file!.defaultLocale
      const text = a.text[textLocale] ?? Object.values(a.text)[0] ?? ''
      const zone = file!.timeZone ?? 'UTC'
      const until =
        new Intl.DateTimeFormat(dateLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(a.expiresAt)) + ` (${zone})`
      const t = (key: string) => label(locale, key) ?? key
      return (
        `<div class="mp-alert mp-alert-${escapeHtml(a.severity)}" role="alert" data-alert-id="${Number(a.id)}">` +
        `<p><strong>${escapeHtml(t(`alert.${a.severity}`))}:</strong> <span lang="${escapeHtml(textLocale)}">${escapeHtml(text)}</span> ` +
        // A function, not a replacement string: `$&`, `$'` … in the date or label stay literal.
        `<small>${escapeHtml(t('alert.until').replace('{{date}}', () => until))}</small></p></div>`
      )
    })
    .join('')
}

/**
 * The page with its banner in place of the marker. The banner goes in through a function, so
 * `$&`, `` $` ``, `$'` or `$1` in an alert's text are inserted as written (as a replacement
 * string they would copy parts of the page into the banner).
 */
export const withBanner = (html: string, banner: string) => html.replace(ALERT_MARKER, () => banner)
