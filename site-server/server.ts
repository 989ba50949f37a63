import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { sendStaticFile } from './staticFiles'
import { activeAlerts, activeAlertsJson, alertBannerHtml, htmlFileFor, readAlertFile, withBanner } from './alerts'
import { cacheHeaders, cacheKindOf, siteSecurityHeaders as securityHeaders } from '#core/siteHeaders'
import { notFoundCandidates, routeRequest } from '#core/siteRouting'
import { findRedirect } from './redirects'
import { analyticsConfig, type AnalyticsConfig } from '../site/analytics'
import { serverURL } from '#core/config'

/**
 * The local "CDN": serves dist/sites/<code>/… at http://localhost:<SITE_PORT>/<code>/…, with the
 * same behaviour as the edge worker (edge/worker.ts): the same security headers and cache rules
 * (core/siteHeaders.ts), the same routing and 404 pages (core/siteRouting.ts) and the same alert
 * banner (core/alertBanner.ts). The analytics origin, when configured (site/analytics.ts), is the
 * only addition to the CSP.
 */
export const siteSecurityHeaders = (analytics: AnalyticsConfig | null = analyticsConfig()): Record<string, string> =>
  securityHeaders(analytics?.origin ?? null, new URL(serverURL).origin)

export function startSiteServer(options: {
  sitesDir: string
  port: number
  host?: string
  alertsDir?: string
  analytics?: AnalyticsConfig | null
}): Promise<Server> {
  // Read once: the same configuration the sites were built with (ANALYTICS_SCRIPT_URL).
  const headers = siteSecurityHeaders(options.analytics === undefined ? analyticsConfig() : options.analytics)
  const alertsDir = options.alertsDir ?? path.join(options.sitesDir, '..', 'alerts')
  const setCache = (res: ServerResponse, kind: Parameters<typeof cacheHeaders>[0]) => {
    for (const [k, v] of Object.entries(cacheHeaders(kind))) res.setHeader(k, v)
  }
  const setHeaders = (res: ServerResponse, file: string) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
    const route = routeRequest('localhost', path.relative(options.sitesDir, file).split(path.sep).join('/'))
    setCache(res, cacheKindOf(route?.path ?? file))
  }
  // The tree is read on each request: rebuilt sites appear without a restart.
  const serve = async (req: IncomingMessage, res: ServerResponse, notFound: () => void) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && (await sendStaticFile(options.sitesDir, req, res, setHeaders))) return
    notFound()
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/') {
      const codes = existsSync(options.sitesDir)
        ? readdirSync(options.sitesDir, { withFileTypes: true })
            .filter((d) => d.isDirectory() && !d.name.includes('.'))
            .map((d) => d.name)
        : []
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.end(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>Mission sites</title><h1>Mission sites</h1><ul>${codes
          .map((c) => `<li><a href="/${c}/vi/">${c}</a></li>`)
          .join('')}</ul></html>`,
      )
      return
    }
    // Emergency alerts: /<code>/alert.json for other consumers, and the banner rendered into every page.
    const [, code = '', locale = ''] = url.pathname.split('/')
    if (req.method === 'GET' || req.method === 'HEAD') {
      // Old URLs of the mission's previous site, and pages whose slug changed (_redirects.json of the build).
      let rest = url.pathname.slice(code.length + 1)
      try {
        rest = decodeURI(rest)
      } catch {
        // keep it encoded: no redirect matches a malformed path
      }
      const redirect = code ? findRedirect(options.sitesDir, code, rest, url.search) : null
      if (redirect) {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
        res.statusCode = redirect.status
        res.setHeader('Location', locationOf(code, redirect.to))
        res.setHeader('Cache-Control', 'public, max-age=300')
        res.end()
        return
      }
      const alerts = code ? readAlertFile(alertsDir, code) : null
      if (url.pathname === `/${code}/alert.json`) {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
        res.setHeader('Content-Type', 'application/json; charset=utf-8')
        setCache(res, 'alerts')
        res.end(activeAlertsJson(alerts))
        return
      }
      const page =
        activeAlerts(alerts).length && !/\.[a-z0-9]+$/i.test(url.pathname.replace(/\.html$/, '')) ? htmlFileFor(options.sitesDir, url.pathname) : null
      let html: string | null = null
      try {
        html = page ? withBanner(readFileSync(page, 'utf8'), alertBannerHtml(alerts, locale)) : null
      } catch (error) {
        // The page without its banner beats no page: log and serve the static file.
        console.error(`alert banner for ${url.pathname} failed: ${String(error)}`)
      }
      if (html !== null) {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
        res.setHeader('Content-Type', 'text/html; charset=utf-8')
        setCache(res, 'page')
        res.end(req.method === 'HEAD' ? undefined : html)
        return
      }
    }
    serve(req, res, () => {
      // Per-locale 404 page of the mission if it has one, else a plain one. Read, not checked
      // then read: a rebuild may be swapping the folder.
      const route = routeRequest(url.host, url.pathname)
      const candidates = route ? notFoundCandidates(route.path).map((f) => path.join(options.sitesDir, route.code, f)) : []
      const page = candidates.map(readIfThere).find((html) => html !== null)
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
      res.statusCode = 404
      setCache(res, 'page')
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.end(page ?? '<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><h1>Not found</h1></html>')
    }).catch((error: unknown) => {
      console.error(`serving ${url.pathname} failed: ${String(error)}`)
      if (res.headersSent) res.destroy()
      else ((res.statusCode = 500), res.end())
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server))
  })
}

/** `/<code>` + the redirect's target, percent-encoded once (a target may hold non-ASCII or already-encoded characters). */
function locationOf(code: string, to: string) {
  let decoded = to
  try {
    decoded = decodeURI(to)
  } catch {
    // already as encoded as it gets
  }
  return encodeURI(`/${code}${decoded}`)
}

function readIfThere(file: string): Buffer | null {
  try {
    return readFileSync(file)
  } catch {
    return null
  }
}
