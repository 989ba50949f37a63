/**
 * The sites' HTTP headers and cache rules — one source for every server of the sites: the local
 * server (site-server/), the edge worker (edge/worker.ts), the objects' metadata in the bucket
 * (pipeline/deploy/objects.ts) and the CloudFront response-headers policy
 * (scripts/generate-cloudfront.ts). Pure code: it runs in Node and in workerd.
 */

/**
 * Security headers of every site response. Search is the only script of our own: Pagefind
 * fetches its index (connect-src) and runs WebAssembly (wasm-unsafe-eval). When the operator
 * configured cookieless analytics (site/analytics.ts), that one origin is added to script-src
 * (its script) and connect-src (the page-view beacon it sends home) — and nothing else.
 */
export function siteSecurityHeaders(analyticsOrigin: string | null = null, cmsOrigin: string | null = null): Record<string, string> {
  const extra = analyticsOrigin ? ` ${analyticsOrigin}` : ''
  // The e-mail subscription form posts to the CMS (cms/subscriptions/endpoints.ts).
  const forms = cmsOrigin ? ` ${cmsOrigin}` : ''
  return {
    'Content-Security-Policy': `default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'self' 'wasm-unsafe-eval'${extra}; connect-src 'self'${extra}; base-uri 'none'; form-action 'self'${forms}; frame-ancestors 'none'`,
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
 * How long each kind of file may be kept. `browser` is the `Cache-Control` readers get; `edge`
 * is what a shared cache (CDN, Varnish) may keep, sent as `s-maxage` inside `Cache-Control` on the
 * object (CloudFront, Varnish, Fastly read it) and as `CDN-Cache-Control` by the edge worker
 * (Cloudflare and other CDNs read it, browsers ignore it).
 *
 * - Pages: an emergency alert must reach readers within 60 s. Browsers keep a page 20 s and may
 *   show it 30 s more while revalidating (≤ 50 s); the edge keeps it 60 s and every deploy purges
 *   what changed, so a publish is live at once at the edge.
 * - Hashed assets (media/ derivatives are named by content hash, Astro's _astro/ bundles carry a
 *   hash): a year, immutable — a new version has a new name.
 * - The alert file: a few seconds; every alert change also purges it.
 * - Anything else (favicons, robots.txt's neighbours): five minutes.
 */
export const CACHE_RULES = {
  page: { browser: 'public, max-age=20, stale-while-revalidate=30', edgeSeconds: 60 },
  immutable: { browser: 'public, max-age=31536000, immutable', edgeSeconds: 31_536_000 },
  alerts: { browser: 'public, max-age=5', edgeSeconds: 5 },
  other: { browser: 'public, max-age=300, stale-while-revalidate=600', edgeSeconds: 300 },
} as const

export type CacheKind = keyof typeof CACHE_RULES

/** Documents readers navigate to or poll: they change in place, so caches keep them briefly. */
export const isPage = (file: string) => /\.(html|xml|json|txt|webmanifest)$/.test(file)
/** Files whose name changes when their content does, so caches may keep them for a year. */
export const isImmutable = (file: string) => /^(media|_astro)\//.test(file)

/** The cache kind of a file of a mission's site (path relative to the mission's root). */
export const cacheKindOf = (file: string): CacheKind => (isImmutable(file) ? 'immutable' : isPage(file) ? 'page' : 'other')

/** `Cache-Control` of an object in the bucket: the browser's TTL plus the shared caches' `s-maxage`. */
export function objectCacheControl(kind: CacheKind): string {
  const rule = CACHE_RULES[kind]
  return kind === 'immutable' ? rule.browser : rule.browser.replace(/^public, max-age=\d+/, (m) => `${m}, s-maxage=${rule.edgeSeconds}`)
}

/** The caching headers a server of the sites sends to readers (and a CDN in front of it). */
export function cacheHeaders(kind: CacheKind): Record<string, string> {
  const rule = CACHE_RULES[kind]
  return { 'Cache-Control': rule.browser, 'CDN-Cache-Control': `public, max-age=${rule.edgeSeconds}` }
}
