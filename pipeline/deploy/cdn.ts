import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront'
import { cdnPurgeBackoffMs } from '#core/config'

/**
 * CDN purges: after a deploy, the CDN forgets its copies of what changed. One interface, one
 * adapter per CDN API (docs/cdn.md, "Purges"), chosen per mission host (CDN_PURGE_PROVIDER,
 * CDN_PURGE_HOSTS). Every adapter batches as its API allows, retries throttling and server
 * errors with back-off, and throws when a purge finally failed: the deploy records it on the
 * deployment (pipeline/deploy/deployMission.ts), never drops it.
 */
export type PurgeScope = {
  /** The mission whose files these are. */
  mission: string
  /** Surrogate keys / cache tags of the changed files (pipeline/deploy/objects.ts, surrogateKeysFor). */
  keys?: string[]
}

/** Tells the CDN to forget cached copies of URLs whose objects changed or were removed. */
export interface CdnPurger {
  readonly name: string
  purge(urls: string[], scope?: PurgeScope): Promise<void>
}

/** Local development: the static server reads files on every request, nothing to purge. */
export class NoopPurger implements CdnPurger {
  readonly name = 'none'
  async purge() {}
}

export class PurgeError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message)
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Retries throttling (429), server errors and network failures with exponential back-off; other errors at once. */
export async function withRetries<T>(fn: () => Promise<T>, options: { attempts?: number; baseMs?: number } = {}): Promise<T> {
  const attempts = options.attempts ?? 4
  const base = options.baseMs ?? cdnPurgeBackoffMs()
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      const retryable = error instanceof PurgeError ? error.retryable : true
      if (!retryable || attempt >= attempts) throw error
      await sleep(base * 2 ** (attempt - 1))
    }
  }
}

/** fetch that turns a non-2xx answer into a PurgeError (retryable for 429 and 5xx). */
async function send(url: string, init: RequestInit, check?: (body: unknown) => string | null): Promise<void> {
  let res: Response
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) })
  } catch (error) {
    throw new PurgeError(`${init.method ?? 'GET'} ${url}: ${(error as Error).message}`, true)
  }
  const text = await res.text()
  if (!res.ok)
    throw new PurgeError(
      `${init.method ?? 'GET'} ${new URL(url).pathname} answered ${res.status}: ${text.slice(0, 200)}`,
      res.status === 429 || res.status >= 500,
    )
  if (check) {
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      body = null
    }
    const problem = check(body)
    if (problem) throw new PurgeError(problem, false)
  }
}

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size))

async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<string[]> {
  const queue = [...items]
  const failures: string[] = []
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item).catch((e: Error) => failures.push(e.message))
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return failures
}

const failIf = (what: string, failures: string[], total: number) => {
  if (failures.length) throw new Error(`${what} purge failed for ${failures.length} of ${total} request(s): ${failures.slice(0, 3).join('; ')}`)
}

/** The common root of a set of URLs of one mission's site: "https://host/base/". */
function siteRootOf(urls: string[]): URL {
  const first = new URL(urls[0]!)
  const parts = first.pathname.split('/').slice(1, -1)
  let depth = parts.length
  for (const u of urls) {
    const p = new URL(u).pathname.split('/').slice(1)
    let i = 0
    while (i < depth && p[i] === parts[i]) i++
    depth = i
  }
  return new URL(
    `/${parts
      .slice(0, depth)
      .map((s) => `${s}/`)
      .join('')}`,
    first.origin,
  )
}

/**
 * Generic HTTP purge (Varnish, nginx proxy_cache_purge, the edge worker's own PURGE): one `PURGE`
 * request per URL, sent to CDN_PURGE_URL with the URL's path and query appended and the site's
 * host in `X-Purge-Host`, with an optional bearer token.
 */
export class HttpPurger implements CdnPurger {
  readonly name = 'http'
  constructor(
    readonly endpoint: string,
    readonly token?: string,
    readonly concurrency = 8,
  ) {
    if (!/^https?:\/\//.test(endpoint)) throw new Error(`CDN_PURGE_URL must be an http(s) URL, got "${endpoint}"`)
  }

  async purge(urls: string[]) {
    const failures = await eachLimit([...new Set(urls)], this.concurrency, (url) =>
      withRetries(() => {
        const u = new URL(url)
        const target = new URL(u.pathname.replace(/^\//, '') + u.search, this.endpoint.endsWith('/') ? this.endpoint : `${this.endpoint}/`)
        return send(target.href, { method: 'PURGE', headers: { ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}), 'X-Purge-Host': u.host } })
      }).catch((e: Error) => Promise.reject(new Error(`${url} (${e.message})`))),
    )
    failIf('CDN', failures, urls.length)
  }
}

/**
 * Cloudflare: `POST /zones/{zone_id}/purge_cache` with `{"files": [...]}`, at most 100 URLs a
 * call; more than `prefixAbove` URLs of a mission go as one prefix purge of its site
 * (`{"prefixes": ["host/base/"]}`), and surrogate keys as cache tags when `tags` is on.
 */
export class CloudflarePurger implements CdnPurger {
  readonly name = 'cloudflare'
  constructor(readonly options: { zoneId: string; token: string; apiUrl?: string; prefixAbove?: number; tags?: boolean }) {
    if (!options.zoneId || !options.token)
      throw new Error('Cloudflare purges need CLOUDFLARE_ZONE_ID (or a zoneId in CDN_PURGE_HOSTS) and CLOUDFLARE_API_TOKEN.')
  }

  async purge(urls: string[], scope?: PurgeScope) {
    const unique = [...new Set(urls)]
    if (!unique.length) return
    const endpoint = `${(this.options.apiUrl ?? 'https://api.cloudflare.com/client/v4').replace(/\/+$/, '')}/zones/${this.options.zoneId}/purge_cache`
    const post = (body: object) =>
      withRetries(() =>
        send(
          endpoint,
          { method: 'POST', headers: { Authorization: `Bearer ${this.options.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
          (res) =>
            (res as { success?: boolean } | null)?.success === true
              ? null
              : `Cloudflare refused the purge: ${JSON.stringify((res as { errors?: unknown } | null)?.errors ?? res)}`,
        ),
      )
    let bodies: object[]
    if (this.options.tags && scope?.keys?.length) bodies = chunks(scope.keys, 100).map((tags) => ({ tags }))
    else if (unique.length > (this.options.prefixAbove ?? 300)) {
      const root = siteRootOf(unique)
      bodies = [{ prefixes: [`${root.host}${root.pathname}`.replace(/\/$/, '') || root.host] }]
    } else bodies = chunks(unique, 100).map((files) => ({ files }))
    failIf('Cloudflare', await eachLimit(bodies, 4, post), bodies.length)
  }
}

/**
 * CloudFront: `CreateInvalidation` of the URLs' paths, in batches of up to 1,000 paths; when more
 * than `wildcardAbove` paths of a mission change (a template change), one wildcard path of the
 * mission's site instead (`/<code>/*`, or `/*` on its own host) — cheaper and as fast.
 */
export class CloudFrontPurger implements CdnPurger {
  readonly name = 'cloudfront'
  readonly client: CloudFrontClient
  constructor(
    readonly options: {
      distributionId: string
      endpoint?: string
      region?: string
      credentials?: { accessKeyId: string; secretAccessKey: string }
      wildcardAbove?: number
    },
  ) {
    if (!options.distributionId) throw new Error('CloudFront purges need CLOUDFRONT_DISTRIBUTION_ID (or a distributionId in CDN_PURGE_HOSTS).')
    this.client = new CloudFrontClient({ region: options.region ?? 'us-east-1', endpoint: options.endpoint, credentials: options.credentials, maxAttempts: 1 })
  }

  async purge(urls: string[], scope?: PurgeScope) {
    const paths = [...new Set(urls.map((u) => encodeURI(decodeURI(new URL(u).pathname))))]
    if (!paths.length) return
    const batches = paths.length > (this.options.wildcardAbove ?? 50) ? [[`${siteRootOf(urls).pathname}*`]] : chunks(paths, 1000)
    const stamp = Date.now()
    const failures = await eachLimit(
      batches.map((items, i) => ({ items, i })),
      2,
      ({ items, i }) =>
        withRetries(async () => {
          try {
            await this.client.send(
              new CreateInvalidationCommand({
                DistributionId: this.options.distributionId,
                // Unique per batch and attempt-stable: a retried call does not invalidate twice.
                InvalidationBatch: { CallerReference: `${scope?.mission ?? 'sites'}-${stamp}-${i}`, Paths: { Quantity: items.length, Items: items } },
              }),
            )
          } catch (error) {
            const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0
            throw new PurgeError(
              `CreateInvalidation: ${(error as Error).message || (error as Error).name}`,
              status === 0 || status === 429 || status >= 500 || (error as Error).name === 'TooManyInvalidationsInProgress',
            )
          }
        }),
    )
    failIf('CloudFront', failures, batches.length)
  }
}

/**
 * Fastly: surrogate keys. Every object carries `x-amz-meta-surrogate-key` (the service's VCL copies
 * it into `Surrogate-Key`, docs/cdn.md); a purge is `POST /service/{id}/purge` with the keys in a
 * `Surrogate-Key` header, up to 256 a call, authenticated by `Fastly-Key`. Without keys, each URL
 * goes as `POST /purge/{host}/{path}`.
 */
export class FastlyPurger implements CdnPurger {
  readonly name = 'fastly'
  constructor(readonly options: { serviceId: string; token: string; apiUrl?: string; soft?: boolean }) {
    if (!options.serviceId || !options.token) throw new Error('Fastly purges need FASTLY_SERVICE_ID (or a serviceId in CDN_PURGE_HOSTS) and FASTLY_API_TOKEN.')
  }

  async purge(urls: string[], scope?: PurgeScope) {
    const api = (this.options.apiUrl ?? 'https://api.fastly.com').replace(/\/+$/, '')
    const headers = { 'Fastly-Key': this.options.token, Accept: 'application/json', ...(this.options.soft ? { 'Fastly-Soft-Purge': '1' } : {}) }
    if (scope?.keys?.length) {
      const batches = chunks([...new Set(scope.keys)], 256)
      const failures = await eachLimit(batches, 4, (keys) =>
        withRetries(() =>
          send(`${api}/service/${encodeURIComponent(this.options.serviceId)}/purge`, {
            method: 'POST',
            headers: { ...headers, 'Surrogate-Key': keys.join(' ') },
          }),
        ),
      )
      return failIf('Fastly', failures, batches.length)
    }
    const unique = [...new Set(urls)]
    const failures = await eachLimit(unique, 8, (url) =>
      withRetries(() => send(`${api}/purge/${url.replace(/^https?:\/\//, '')}`, { method: 'POST', headers })),
    )
    failIf('Fastly', failures, unique.length)
  }
}

/**
 * Bunny: `POST /purge?url=…` per URL with the account's `AccessKey`; more than `wildcardAbove`
 * URLs of a mission go as one wildcard URL of its site (`https://host/base/*`).
 */
export class BunnyPurger implements CdnPurger {
  readonly name = 'bunny'
  constructor(readonly options: { apiKey: string; apiUrl?: string; wildcardAbove?: number }) {
    if (!options.apiKey) throw new Error('Bunny purges need BUNNY_API_KEY.')
  }

  async purge(urls: string[]) {
    const unique = [...new Set(urls)]
    if (!unique.length) return
    const api = (this.options.apiUrl ?? 'https://api.bunny.net').replace(/\/+$/, '')
    const targets = unique.length > (this.options.wildcardAbove ?? 100) ? [`${siteRootOf(unique).href}*`] : unique
    const failures = await eachLimit(targets, 8, (url) =>
      withRetries(() => send(`${api}/purge?url=${encodeURIComponent(url)}&async=false`, { method: 'POST', headers: { AccessKey: this.options.apiKey } })),
    )
    failIf('Bunny', failures, targets.length)
  }
}

/** Sends each URL to the purger of its host (CDN_PURGE_HOSTS), the rest to the default one. */
export class HostRoutingPurger implements CdnPurger {
  readonly name: string
  constructor(
    readonly byHost: Map<string, CdnPurger>,
    readonly fallback: CdnPurger,
  ) {
    this.name = `hosts(${[...new Set([...byHost.values(), fallback].map((p) => p.name))].join(',')})`
  }

  async purge(urls: string[], scope?: PurgeScope) {
    const groups = new Map<CdnPurger, string[]>()
    for (const url of urls) {
      const purger = this.byHost.get(new URL(url).host.toLowerCase()) ?? this.fallback
      groups.set(purger, [...(groups.get(purger) ?? []), url])
    }
    const failures: string[] = []
    for (const [purger, group] of groups) await purger.purge(group, scope).catch((e: Error) => failures.push(`${purger.name}: ${e.message}`))
    if (failures.length) throw new Error(failures.join(' | '))
  }
}

type ProviderSettings = { provider?: string; zoneId?: string; distributionId?: string; serviceId?: string; url?: string }

type Env = Record<string, string | undefined>

function purgerFor(settings: ProviderSettings, env: Env): CdnPurger {
  const provider = settings.provider ?? env.CDN_PURGE_PROVIDER ?? (env.CDN_PURGE_URL || settings.url ? 'http' : 'none')
  switch (provider) {
    case 'none':
      return new NoopPurger()
    case 'http':
      if (!(settings.url ?? env.CDN_PURGE_URL)) throw new Error('CDN_PURGE_PROVIDER=http needs CDN_PURGE_URL (or a url in CDN_PURGE_HOSTS).')
      return new HttpPurger((settings.url ?? env.CDN_PURGE_URL)!, env.CDN_PURGE_TOKEN)
    case 'cloudflare':
      return new CloudflarePurger({
        zoneId: settings.zoneId ?? env.CLOUDFLARE_ZONE_ID ?? '',
        token: env.CLOUDFLARE_API_TOKEN ?? '',
        apiUrl: env.CLOUDFLARE_API_URL,
        tags: env.CLOUDFLARE_PURGE_TAGS === 'true',
      })
    case 'cloudfront':
      return new CloudFrontPurger({
        distributionId: settings.distributionId ?? env.CLOUDFRONT_DISTRIBUTION_ID ?? '',
        endpoint: env.CLOUDFRONT_ENDPOINT,
        credentials:
          env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } : undefined,
      })
    case 'fastly':
      return new FastlyPurger({ serviceId: settings.serviceId ?? env.FASTLY_SERVICE_ID ?? '', token: env.FASTLY_API_TOKEN ?? '', apiUrl: env.FASTLY_API_URL })
    case 'bunny':
      return new BunnyPurger({ apiKey: env.BUNNY_API_KEY ?? '', apiUrl: env.BUNNY_API_URL })
    default:
      throw new Error(`CDN_PURGE_PROVIDER must be one of none, http, cloudflare, cloudfront, fastly, bunny; got "${provider}"`)
  }
}

/**
 * The purger the environment configures: CDN_PURGE_PROVIDER (default `http` when CDN_PURGE_URL is
 * set, else none) for every host, and CDN_PURGE_HOSTS — JSON `{"<host>": {"provider": …, "zoneId" |
 * "distributionId" | "serviceId" | "url": …}}` — for mission hosts on another zone, distribution or
 * CDN. Tokens come only from their own variables (README, docs/cdn.md).
 */
export function purgerFromEnv(env: Env = process.env): CdnPurger {
  const fallback = purgerFor({}, env)
  if (!env.CDN_PURGE_HOSTS) return fallback
  let hosts: Record<string, ProviderSettings>
  try {
    hosts = JSON.parse(env.CDN_PURGE_HOSTS) as Record<string, ProviderSettings>
  } catch (error) {
    throw new Error(
      `CDN_PURGE_HOSTS must be JSON such as {"vnembassy-au.example":{"provider":"cloudfront","distributionId":"E123"}}: ${(error as Error).message}`,
    )
  }
  return new HostRoutingPurger(new Map(Object.entries(hosts).map(([host, s]) => [host.toLowerCase(), purgerFor(s, env)])), fallback)
}
