/** Tells the CDN to forget cached copies of URLs whose objects changed or were removed. */
export interface CdnPurger {
  readonly name: string
  purge(urls: string[]): Promise<void>
}

/** Local development: the static server reads files on every request, nothing to purge. */
export class NoopPurger implements CdnPurger {
  readonly name = 'none'
  async purge() {}
}

/**
 * Generic HTTP purge API (Varnish, Fastly, Bunny, nginx proxy_cache_purge …): one `PURGE`
 * request per URL, sent to CDN_PURGE_URL with the URL's path and query appended, with an
 * optional bearer token. Any non-2xx answer fails the purge with the status.
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
    const queue = [...urls]
    const failures: string[] = []
    const worker = async () => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        const u = new URL(url)
        const target = new URL(u.pathname.replace(/^\//, '') + u.search, this.endpoint.endsWith('/') ? this.endpoint : `${this.endpoint}/`)
        const res = await fetch(target, {
          method: 'PURGE',
          headers: { ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}), 'X-Purge-Host': u.host },
          signal: AbortSignal.timeout(10_000),
        }).catch((e: Error) => ({ ok: false, status: e.message }) as const)
        if (!res.ok) failures.push(`${url} (${res.status})`)
      }
    }
    await Promise.all(Array.from({ length: Math.min(this.concurrency, urls.length) }, worker))
    if (failures.length) throw new Error(`CDN purge failed for ${failures.length} URL(s): ${failures.slice(0, 5).join(', ')}`)
  }
}

export function purgerFromEnv(env: NodeJS.ProcessEnv = process.env): CdnPurger {
  return env.CDN_PURGE_URL ? new HttpPurger(env.CDN_PURGE_URL, env.CDN_PURGE_TOKEN) : new NoopPurger()
}
