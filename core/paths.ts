import path from 'node:path'
import { dataDir, distDirFromEnv, projectRoot, siteBaseUrl, sitePort } from './config'

export const distDir = distDirFromEnv()
export const sitesDir = path.join(distDir, 'sites')
export const workDir = path.join(distDir, '.work')
export const mediaCacheDir = path.join(dataDir, 'media-cache')
export const siteProjectDir = path.join(projectRoot, 'site')

/**
 * Public URL of a mission's site. SITE_BASE_URL (set by `npm start` to the local server)
 * wins, so locally built links work under /<code>/; otherwise the mission's configured URL.
 */
export function missionSiteUrl(code: string, configured?: string | null): string {
  const base = siteBaseUrl()
  if (base) return `${base.replace(/\/+$/, '')}/${code}/`
  if (configured) return configured.endsWith('/') ? configured : `${configured}/`
  return `http://localhost:${sitePort}/${code}/`
}
