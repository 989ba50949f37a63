import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { sendStaticFile } from './staticFiles'
import { ALERT_MARKER, activeAlerts, alertBannerHtml, htmlFileFor, readAlertFile } from './alerts'
import { analyticsConfig, type AnalyticsConfig } from '../site/analytics'
import { serverURL } from '../core/env'

/**
 * The local "CDN": serves dist/sites/<code>/… at http://localhost:<SITE_PORT>/<code>/….
 * Security headers match what the CDN is configured to send in production. Search is the
 * only script of our own: Pagefind fetches its index (connect-src) and runs WebAssembly
 * (wasm-unsafe-eval). When the operator configured cookieless analytics (site/analytics.ts),
 * that one origin is added to script-src (its script) and connect-src (the page-view beacon
 * it sends home) — and nothing else. Forms may post to the CMS (SERVER_URL): the e-mail
 * subscription form (cms/subscriptions/endpoints.ts).
 */
export function siteSecurityHeaders(analytics: AnalyticsConfig | null = analyticsConfig()): Record<string, string> {
  const extra = analytics ? ` ${analytics.origin}` : ''
  return {
    'Content-Security-Policy': `default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'self' 'wasm-unsafe-eval'${extra}; connect-src 'self'${extra}; base-uri 'none'; form-action 'self' ${new URL(serverURL).origin}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    // Browsers ignore HSTS over plain http (the local server), and obey it from the HTTPS CDN:
    // two years, every subdomain. See docs/operations.md before adding `preload`.
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
}

/**
 * The same headers as a CDN configuration file (the `_headers` format of Netlify and
 * Cloudflare Pages; other CDNs take the same name/value pairs). Committed as docs/cdn/_headers
 * (generated without analytics); `npm run generate` with ANALYTICS_SCRIPT_URL set writes the
 * operator's own, with the analytics origin allowed.
 */
export function cdnHeadersConfig(analytics: AnalyticsConfig | null = analyticsConfig()): string {
  const lines = Object.entries(siteSecurityHeaders(analytics)).map(([k, v]) => `  ${k}: ${v}`)
  return `# Generated from siteSecurityHeaders in site-server/server.ts (a test keeps the two in step).\n/*\n${lines.join('\n')}\n`
}

/** HTML may be cached briefly only: an emergency alert must reach readers within 60 s (max-age + stale ≤ 50 s). */
const HTML_CACHE = 'public, max-age=20, stale-while-revalidate=30'

export function startSiteServer(options: { sitesDir: string; port: number; host?: string; alertsDir?: string; analytics?: AnalyticsConfig | null }): Promise<Server> {
  // Read once: the same configuration the sites were built with (ANALYTICS_SCRIPT_URL).
  const headers = siteSecurityHeaders(options.analytics === undefined ? analyticsConfig() : options.analytics)
  const alertsDir = options.alertsDir ?? path.join(options.sitesDir, '..', 'alerts')
  const setHeaders = (res: ServerResponse, file: string) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
    res.setHeader('Cache-Control', /\.html$/.test(file) ? HTML_CACHE : /\.(xml|json)$/.test(file) ? 'public, max-age=30, stale-while-revalidate=60' : 'public, max-age=3600')
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
        ? readdirSync(options.sitesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.includes('.')).map((d) => d.name)
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
      const alerts = code ? readAlertFile(alertsDir, code) : null
      if (url.pathname === `/${code}/alert.json`) {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
        res.setHeader('Content-Type', 'application/json; charset=utf-8')
        res.setHeader('Cache-Control', 'public, max-age=15')
        res.end(JSON.stringify({ alerts: activeAlerts(alerts) }))
        return
      }
      const page = activeAlerts(alerts).length && !/\.[a-z0-9]+$/i.test(url.pathname.replace(/\.html$/, '')) ? htmlFileFor(options.sitesDir, url.pathname) : null
      let html: string | null = null
      try {
        html = page ? readFileSync(page, 'utf8').replace(ALERT_MARKER, alertBannerHtml(alerts, locale)) : null
      } catch (error) {
        // The page without its banner beats no page: log and serve the static file.
        console.error(`alert banner for ${url.pathname} failed: ${String(error)}`)
      }
      if (html !== null) {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
        res.setHeader('Content-Type', 'text/html; charset=utf-8')
        res.setHeader('Cache-Control', HTML_CACHE)
        res.end(req.method === 'HEAD' ? undefined : html)
        return
      }
    }
    serve(req, res, () => {
      // Per-locale 404 page of the mission if it has one, else a plain one. Read, not checked
      // then read: a rebuild may be swapping the folder.
      const candidates = code && !code.includes('..') ? [path.join(options.sitesDir, code, locale, '404.html'), path.join(options.sitesDir, code, '404.html')] : []
      const page = candidates.map(readIfThere).find((html) => html !== null)
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
      res.statusCode = 404
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

function readIfThere(file: string): Buffer | null {
  try {
    return readFileSync(file)
  } catch {
    return null
  }
}
