/**
 * The mission sites at the edge: a Cloudflare Worker (module syntax) that serves the bucket the
 * deploy fills (pipeline/deploy/) with the local server's behaviour (site-server/) — the same
 * routing (core/siteRouting.ts), headers and cache rules (core/siteHeaders.ts) and alert banner
 * (core/alertBanner.ts). Runs in workerd: in production on Cloudflare, locally through miniflare
 * (`npm run edge`, scripts/edge.ts). Set-up: docs/cdn.md.
 *
 * Objects come from an R2 binding (`BUCKET`) when there is one, else over the S3 API
 * (`S3_ENDPOINT`, `S3_BUCKET`, signed when `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` are set).
 */
import { AwsClient } from 'aws4fetch'
import { activeAlerts, alertBannerHtml, alertFileName, ALERT_MARKER, type AlertFile } from '#core/alertBanner'
import { CACHE_RULES, cacheHeaders, cacheKindOf, siteSecurityHeaders, type CacheKind } from '#core/siteHeaders'
import {
  fileCandidates,
  findRedirect,
  isHtmlFile,
  localeOf,
  notFoundCandidates,
  REDIRECTS_FILE,
  routeRequest,
  type MissionHosts,
  type RedirectsFile,
  type SiteRoute,
} from '#core/siteRouting'

export interface Env {
  BUCKET?: R2Bucket
  S3_ENDPOINT?: string
  S3_BUCKET?: string
  S3_REGION?: string
  S3_PREFIX?: string
  S3_FORCE_PATH_STYLE?: string
  AWS_ACCESS_KEY_ID?: string
  AWS_SECRET_ACCESS_KEY?: string
  /** Origin of the analytics script, added to the CSP (as ANALYTICS_SCRIPT_URL does for the local server). */
  ANALYTICS_ORIGIN?: string
  /** Origin of the CMS (SERVER_URL), where the sites' subscription forms post. */
  CMS_ORIGIN?: string
  /** JSON host → mission code; else `<prefix>_deploy/hosts.json`, which every deploy writes from the missions' siteUrl. */
  MISSION_HOSTS?: string
  /** Bearer token that lets the deploy send `PURGE <url>` here (the generic HTTP purge adapter); unset → PURGE refused. */
  PURGE_TOKEN?: string
  /** "off": read the bucket on every request (local use); otherwise objects are kept in the edge cache for their edge TTL. */
  EDGE_CACHE?: string
}

type StoredObject = { body: ReadableStream | null; headers: Headers }

const enc = (key: string) => key.split('/').map(encodeURIComponent).join('/')

/** One bucket, read by key: R2 binding or S3 GET. Answers null for a missing object. */
function bucketOf(env: Env) {
  const prefix = env.S3_PREFIX ?? ''
  const aws =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? new AwsClient({ accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, region: env.S3_REGION ?? 'us-east-1', service: 's3' })
      : null
  const pathStyle = env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : Boolean(env.S3_ENDPOINT)
  const urlOf = (key: string) => {
    if (!env.S3_BUCKET) throw new Error('The edge worker needs a BUCKET binding or S3_BUCKET (and S3_ENDPOINT outside AWS).')
    const endpoint = (env.S3_ENDPOINT ?? `https://s3.${env.S3_REGION ?? 'us-east-1'}.amazonaws.com`).replace(/\/+$/, '')
    if (pathStyle) return `${endpoint}/${env.S3_BUCKET}/${enc(key)}`
    const u = new URL(endpoint)
    return `${u.protocol}//${env.S3_BUCKET}.${u.host}/${enc(key)}`
  }
  return {
    prefix,
    async get(key: string): Promise<StoredObject | null> {
      const full = prefix + key
      if (env.BUCKET) {
        const o = await env.BUCKET.get(full)
        if (!o) return null
        const headers = new Headers()
        o.writeHttpMetadata(headers)
        headers.set('ETag', o.httpEtag)
        return { body: o.body, headers }
      }
      const request = new Request(urlOf(full))
      const res = aws ? await aws.fetch(request) : await fetch(request)
      if (res.status === 404 || res.status === 403) return null // 403: a public bucket answers so for a missing key
      if (!res.ok) throw new Error(`bucket answered ${res.status} for ${full}`)
      return { body: res.body, headers: res.headers }
    },
  }
}

/** Reads through the edge cache, keyed by the object's public URL so a purge of that URL drops it. */
async function cachedGet(
  env: Env,
  ctx: ExecutionContext,
  bucket: ReturnType<typeof bucketOf>,
  key: string,
  cacheUrl: string,
  kind: CacheKind,
): Promise<StoredObject | null> {
  const cache = env.EDGE_CACHE === 'off' ? null : (caches as unknown as { default: Cache }).default
  const hit = await cache?.match(cacheUrl)
  if (hit) return hit.status === 404 ? null : { body: hit.body, headers: hit.headers }
  const object = await bucket.get(key)
  if (!cache) return object
  const ttl = CACHE_RULES[kind].edgeSeconds
  // A missing object is remembered briefly too (a page about to be deployed must appear soon).
  const stored = object
    ? new Response(object.body, { headers: copyHeaders(object.headers, { 'Cache-Control': `public, s-maxage=${ttl}` }) })
    : new Response(null, { status: 404, headers: { 'Cache-Control': `public, s-maxage=${Math.min(ttl, 10)}` } })
  if (!object) {
    ctx.waitUntil(cache.put(cacheUrl, stored))
    return null
  }
  const [forCache, forReader] = stored.body!.tee()
  ctx.waitUntil(cache.put(cacheUrl, new Response(forCache, stored)))
  return { body: forReader, headers: stored.headers }
}

function copyHeaders(from: Headers, extra: Record<string, string>) {
  const h = new Headers()
  for (const name of ['Content-Type', 'Content-Language', 'ETag', 'Last-Modified']) {
    const v = from.get(name)
    if (v) h.set(name, v)
  }
  for (const [k, v] of Object.entries(extra)) h.set(k, v)
  return h
}

async function readJson<T>(object: StoredObject | null): Promise<T | null> {
  if (!object?.body) return null
  try {
    return JSON.parse(await new Response(object.body).text()) as T
  } catch {
    return null // a broken file must not take the site down; the next upload replaces it
  }
}

let hostsCache: { at: number; hosts: MissionHosts } | null = null
async function missionHosts(env: Env, bucket: ReturnType<typeof bucketOf>): Promise<MissionHosts> {
  if (env.MISSION_HOSTS) return JSON.parse(env.MISSION_HOSTS) as MissionHosts
  if (hostsCache && Date.now() - hostsCache.at < 60_000) return hostsCache.hosts
  const hosts = (await readJson<MissionHosts>(await bucket.get('_deploy/hosts.json').catch(() => null))) ?? {}
  hostsCache = { at: Date.now(), hosts }
  return hosts
}

const plainNotFound = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><h1>Not found</h1></html>'

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    try {
      return await handle(request, env, ctx)
    } catch (error) {
      // The bucket is unreachable or answered an error: say so briefly, and let no cache keep it.
      console.error(`edge: ${request.method} ${request.url} failed: ${String(error)}`)
      return new Response('The site is temporarily unavailable; please try again shortly.', {
        status: 502,
        headers: {
          ...siteSecurityHeaders(env.ANALYTICS_ORIGIN || null, env.CMS_ORIGIN || null),
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-store',
        },
      })
    }
  },
} satisfies ExportedHandler<Env>

async function handle(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
  const url = new URL(request.url)
  const bucket = bucketOf(env)
  const security = siteSecurityHeaders(env.ANALYTICS_ORIGIN || null, env.CMS_ORIGIN || null)
  const respond = (body: BodyInit | null, status: number, headers: Record<string, string> | Headers, kind: CacheKind) => {
    const h = new Headers(headers)
    for (const [k, v] of Object.entries({ ...security, ...cacheHeaders(kind) })) h.set(k, v)
    return new Response(request.method === 'HEAD' ? null : body, { status, headers: h })
  }

  if (request.method === 'PURGE') return purge(request, env, bucket)
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return respond('Method not allowed', 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'other')

  const route = routeRequest(url.host, url.pathname, await missionHosts(env, bucket))
  if (!route) return respond(plainNotFound, 404, { 'Content-Type': 'text/html; charset=utf-8' }, 'page')
  const siteKey = (file: string) => `${route.code}/${file}`
  const cacheUrl = (file: string) => `${url.protocol}//${url.host}${route.base}${file}`
  const get = (file: string, kind: CacheKind = cacheKindOf(file)) => cachedGet(env, ctx, bucket, siteKey(file), cacheUrl(file), kind)
  const alerts = () => cachedGet(env, ctx, bucket, `_alerts/${alertFileName(route.code)}`, cacheUrl('alert.json'), 'alerts').then((o) => readJson<AlertFile>(o))

  // The mission's alerts for other consumers (apps, monitoring), as the local server serves them.
  if (route.path === 'alert.json') {
    return respond(JSON.stringify({ alerts: activeAlerts(await alerts()) }), 200, { 'Content-Type': 'application/json; charset=utf-8' }, 'alerts')
  }
  // Changed slugs and an imported old site's addresses; before files, since `/?p=123` names the home page.
  const redirect = findRedirect(await readJson<RedirectsFile>(await get(REDIRECTS_FILE, 'page')), route.path, url.search, route.base)
  if (redirect) return respond(null, redirect.status, { Location: redirect.location }, 'page')
  if (route.path === REDIRECTS_FILE) return notFound(route)

  for (const file of fileCandidates(route.path)) {
    const object = await get(file)
    if (!object) continue
    return serve(route, file, object, 200)
  }
  return notFound(route)

  async function notFound(r: SiteRoute) {
    for (const file of notFoundCandidates(r.path)) {
      const object = await get(file)
      if (object) return serve(r, file, object, 404)
    }
    return respond(plainNotFound, 404, { 'Content-Type': 'text/html; charset=utf-8' }, 'page')
  }

  async function serve(r: SiteRoute, file: string, object: StoredObject, status: number) {
    const headers = copyHeaders(object.headers, {})
    const kind = cacheKindOf(file)
    if (!isHtmlFile(file)) {
      if (status === 200 && headers.get('ETag') && request.headers.get('If-None-Match') === headers.get('ETag')) {
        await object.body?.cancel()
        return respond(null, 304, headers, kind)
      }
      return respond(object.body, status, headers, kind)
    }
    const file_ = await alerts()
    const active = activeAlerts(file_)
    const banner = alertBannerHtml(file_, localeOf(r.path) ?? file_?.defaultLocale ?? 'vi')
    // The page's validator changes with the banner, or a browser would keep the page without it.
    const etag = headers.get('ETag')
    if (etag) headers.set('ETag', active.length ? `W/"${etag.replace(/^W\/|"/g, '')}-a${active.map((a) => a.id).join('.')}"` : etag)
    if (status === 200 && request.headers.get('If-None-Match') === headers.get('ETag')) {
      await object.body?.cancel()
      return respond(null, 304, headers, kind)
    }
    headers.delete('Content-Length')
    const page = respond(object.body, status, headers, kind)
    if (!banner || request.method === 'HEAD') return page
    // HTMLRewriter streams the page; the banner replaces the marker comment as HTML whose text parts are escaped.
    return new HTMLRewriter()
      .onDocument({
        comments(comment) {
          if (`<!--${comment.text}-->` === ALERT_MARKER) comment.replace(banner, { html: true })
        },
      })
      .transform(page)
  }
}

/**
 * `PURGE <path>` with `Authorization: Bearer <PURGE_TOKEN>` drops the edge cache's copies of the
 * files that path names (the generic HTTP purge adapter, pipeline/deploy/cdn.ts, sends these;
 * `X-Purge-Host` names the site's host when the request went to another address).
 */
async function purge(request: Request, env: Env, bucket: ReturnType<typeof bucketOf>): Promise<Response> {
  if (!env.PURGE_TOKEN || request.headers.get('Authorization') !== `Bearer ${env.PURGE_TOKEN}`) return new Response('Forbidden', { status: 403 })
  const url = new URL(request.url)
  const host = request.headers.get('X-Purge-Host') || url.host
  const route = routeRequest(host, url.pathname, await missionHosts(env, bucket))
  if (!route) return new Response('No such site', { status: 404 })
  const cache = (caches as unknown as { default: Cache }).default
  const files = route.path === 'alert.json' ? ['alert.json'] : fileCandidates(route.path)
  const results = await Promise.all(files.map((f) => cache.delete(`${url.protocol}//${host}${route.base}${f}`)))
  return new Response(JSON.stringify({ purged: results.filter(Boolean).length }), { headers: { 'Content-Type': 'application/json' } })
}
