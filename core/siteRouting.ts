/**
 * How a request to the sites finds its file — one source for the local server (site-server/)
 * and the edge worker (edge/worker.ts); the CloudFront Function (edge/cloudfront/) is generated
 * to do the same. Pure code: it runs in Node and in workerd.
 *
 * A mission is served either on its own host (the host of its `siteUrl`, e.g.
 * https://vnembassy-canberra.example/), its files at the root, or by path prefix under a shared
 * host, http://sites.example/<code>/… (the local server, `npm run edge`, previews of a bucket).
 */

/** Host name → mission code, for missions served on their own domain (from the missions' siteUrl). */
export type MissionHosts = Record<string, string>

export type SiteRoute = {
  code: string
  /** The path inside the mission's site, decoded, without leading slash ('' is the mission's root). */
  path: string
  /** URL path under which the mission's files are served: '/' on its own host, '/<code>/' by prefix. */
  base: string
}

const MISSION_CODE = /^[a-z0-9][a-z0-9-]*$/
// A folder named like a BCP 47 tag (vi, en, zh-Hant, pt-BR) holds one language's pages.
export const LOCALE_DIR = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/

/** The request path decoded, without leading slashes; null when malformed or leaving the root (.., NUL, backslash). */
export function decodeSitePath(pathname: string): string | null {
  let rel: string
  try {
    rel = decodeURIComponent(pathname).replace(/^\/+/, '')
  } catch {
    return null
  }
  if (rel.includes('\0') || rel.includes('\\') || rel.split('/').includes('..')) return null
  return rel
}

/** Which mission a request is for, and the path inside its site; null for none (the shared host's root, a bad path). */
export function routeRequest(host: string, pathname: string, hosts: MissionHosts = {}): SiteRoute | null {
  const rel = decodeSitePath(pathname)
  if (rel === null) return null
  const own = hosts[host.toLowerCase().replace(/:\d+$/, '')]
  if (own) return { code: own, path: rel, base: '/' }
  const slash = rel.indexOf('/')
  const code = slash < 0 ? rel : rel.slice(0, slash)
  if (!MISSION_CODE.test(code)) return null
  return { code, path: slash < 0 ? '' : rel.slice(slash + 1), base: `/${code}/` }
}

/** The files a path inside a mission may name, in the order they are tried: /x/ → x/index.html; /x → x, x.html, x/index.html. */
export function fileCandidates(path: string): string[] {
  return path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}.html`, `${path}/index.html`]
}

/** The locale folder a path is in, if any. */
export const localeOf = (path: string): string | undefined => {
  const first = path.split('/')[0]!
  return LOCALE_DIR.test(first) ? first : undefined
}

/** The 404 pages to try for a missing path: the locale's own, then the mission's. */
export function notFoundCandidates(path: string): string[] {
  const locale = localeOf(path)
  return [...(locale ? [`${locale}/404.html`] : []), '404.html']
}

/** Pages get the alert banner: HTML files only, never assets. */
export const isHtmlFile = (file: string) => file.endsWith('.html')

/**
 * Redirects of a mission (changed slugs, pages of an imported old site): `_redirects.json` at the
 * root of its built site, `{"redirects":[{"from":"/2019/05/old-post/","to":"/vi/tin-tuc/new-slug/","status":301}]}`,
 * paths relative to the mission's root; `from` may carry a query (`/?p=123`).
 */
export type RedirectRule = { from: string; to: string; status?: number }
export type RedirectsFile = { redirects: RedirectRule[] }
export const REDIRECTS_FILE = '_redirects.json'

const trimSlash = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p)

/**
 * The redirect for a request, as status and Location (the mission's base + `to`), or null.
 * A `from` without query matches the path with or without its trailing slash and any query;
 * a `from` with a query matches when the request carries each of its parameters with that value.
 */
export function findRedirect(file: RedirectsFile | null, path: string, search: string, base: string): { status: number; location: string } | null {
  const requestPath = trimSlash(`/${path}`)
  const params = new URLSearchParams(search)
  for (const rule of file?.redirects ?? []) {
    if (typeof rule?.from !== 'string' || typeof rule.to !== 'string') continue
    const q = rule.from.indexOf('?')
    const fromPath = trimSlash(q < 0 ? rule.from : rule.from.slice(0, q))
    if (fromPath !== requestPath) continue
    if (q >= 0 && ![...new URLSearchParams(rule.from.slice(q + 1))].every(([k, v]) => params.get(k) === v)) continue
    const status = [301, 302, 303, 307, 308].includes(rule.status ?? 301) ? (rule.status ?? 301) : 301
    // `to` is inside the mission (relative to its root), or an absolute http(s) URL.
    const location = /^https?:\/\//.test(rule.to) ? rule.to : `${base.replace(/\/$/, '')}/${rule.to.replace(/^\/+/, '')}`
    return { status, location }
  }
  return null
}

/** Public site URLs of missions → the host map of the missions served on their own host (at its root). */
export function missionHostsOf(missions: { code: string; siteUrl?: string | null }[]): MissionHosts {
  const hosts: MissionHosts = {}
  for (const m of missions) {
    if (!m.siteUrl) continue
    try {
      const url = new URL(m.siteUrl)
      if (url.pathname === '/' || url.pathname === '') hosts[url.hostname.toLowerCase()] = m.code
    } catch {
      // not a URL: served by prefix only
    }
  }
  return hosts
}
