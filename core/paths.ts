import path from 'node:path'
import { dataDir, projectRoot, sitePort } from './env'

export const distDir = path.resolve(projectRoot, process.env.DIST_DIR ?? 'dist')
export const sitesDir = path.join(distDir, 'sites')
export const workDir = path.join(distDir, '.work')
export const mediaCacheDir = path.join(dataDir, 'media-cache')
export const siteProjectDir = path.join(projectRoot, 'site')

/**
 * Public URL of a mission's site. SITE_BASE_URL (set by `npm start` to the local server)
 * wins, so locally built links work under /<code>/; otherwise the mission's configured URL.
 */
export function missionSiteUrl(code: string, configured?: string | null): string {
  const base = process.env.SITE_BASE_URL
  if (base) return `${base.replace(/\/+$/, '')}/${code}/`
  if (configured) return configured.endsWith('/') ? configured : `${configured}/`
  return `http://localhost:${sitePort}/${code}/`
}
