/**
 * Cookieless visitor statistics, configured once by the operator for every mission
 * (ANALYTICS_SCRIPT_URL, ANALYTICS_SITE_ATTRIBUTE) and switched on per mission by its admin
 * (Missions → Site → analytics opt-in). Any Plausible/Umami-compatible service works: one
 * deferred script from an https origin, told which site it counts by a data attribute.
 * Nothing else is loaded or set — no cookies, no other trackers.
 */
export type AnalyticsConfig = {
  /** The script's address (https). */
  scriptUrl: string
  /** Its origin, allowed in the sites' Content-Security-Policy (script-src, and connect-src for the beacons it sends home). */
  origin: string
  /** The data attribute that carries the site id (the mission's site host): data-domain for Plausible and compatible services. */
  siteAttribute: string
}

type Env = Record<string, string | undefined>

/** The configured service, or null when ANALYTICS_SCRIPT_URL is unset. Bad values are refused with the reason. */
export function analyticsConfig(env: Env = process.env): AnalyticsConfig | null {
  const raw = env.ANALYTICS_SCRIPT_URL?.trim()
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(
      `ANALYTICS_SCRIPT_URL "${raw}" is not a web address; set it to the https:// address of the analytics script, e.g. https://stats.example.org/js/script.js.`,
    )
  }
  if (url.protocol !== 'https:')
    throw new Error(
      `ANALYTICS_SCRIPT_URL "${raw}" must be an https:// address (the sites are served over HTTPS, and an http script would be blocked or tampered with).`,
    )
  if (url.username || url.password) throw new Error('ANALYTICS_SCRIPT_URL must not contain a user name or password: it is published in every page.')
  const siteAttribute = env.ANALYTICS_SITE_ATTRIBUTE?.trim() || 'data-domain'
  // Only data-* attributes: anything else (onload=…, src=…) would let configuration inject behaviour.
  if (!/^data-[a-z][a-z0-9-]*$/.test(siteAttribute)) {
    throw new Error(`ANALYTICS_SITE_ATTRIBUTE "${siteAttribute}" must be a lower-case data attribute such as data-domain or data-website-id.`)
  }
  return { scriptUrl: url.href, origin: url.origin, siteAttribute }
}

/** The site id a mission is counted under: the host of its public site URL. */
export const analyticsSiteId = (siteUrl: string): string => new URL(siteUrl).host
