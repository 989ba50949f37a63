import { LRUCache } from 'lru-cache'
import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import { changeVersion, onChange } from '../db/changeFeed'
import { apiReadCacheEnabled } from '#core/config'

/**
 * The admin API's read cache. Fifty editors asking for the same list or article make Payload
 * turn the same rows into the same JSON fifty times (about 25–50 ms of CPU each: the adapter's
 * row transform and field hooks, docs/operations.md "Under load"). The answer depends only on
 * the committed content and on who asks, so it is kept per user and per URL until anything
 * changes: a committed write anywhere (cms/db/changeFeed.ts, PostgreSQL NOTIFY, this process's
 * own commits at once) drops every entry. Entries also expire after MAX_AGE_MS, which bounds how
 * stale a value computed from the clock (an event "over") can be.
 *
 * Only signed-in GETs of collection documents and the workflow view; never users (`/me` carries
 * the token's expiry), files, previews or anonymous reads (their time-dependent filters). A
 * request with `Cache-Control: no-cache` goes to Payload. `X-Cache: hit|miss` says which.
 * `API_READ_CACHE=off` turns it off.
 */
const CACHEABLE = /^\/api\/(articles|pages|media|missions|alerts|alert-log|article-overrides|deployments|redirects|workflow-events)(\/[^/]+(\/workflow)?)?$/
const MAX_AGE_MS = 30_000
const MAX_BYTES = 64 * 1024 * 1024

type Entry = { body: Uint8Array; headers: [string, string][] }
type Caches = { answers: LRUCache<string, Entry>; users: LRUCache<string, { id: string | number; collection: string }> }

// On globalThis: Next bundles this module into each API route; one cache per process.
const cachesKey = Symbol.for('mission-publisher.read-cache')
const caches = ((globalThis as { [cachesKey]?: Caches })[cachesKey] ??= (() => {
  const c: Caches = {
    answers: new LRUCache<string, Entry>({ maxSize: MAX_BYTES, sizeCalculation: (e) => e.body.byteLength + 200, ttl: MAX_AGE_MS }),
    users: new LRUCache({ max: 5_000, ttl: MAX_AGE_MS }),
  }
  onChange(() => {
    c.answers.clear()
    c.users.clear()
  })
  return c
})())

type Handler<C> = (request: Request, context: C) => Promise<Response>

const credentialsOf = (request: Request) => {
  const auth = request.headers.get('authorization')
  if (auth) return auth
  const token = /(?:^|;\s*)payload-token=([^;]+)/.exec(request.headers.get('cookie') ?? '')
  return token ? `cookie ${token[1]}` : undefined
}

/** Seconds since the epoch at which a JWT expires, read without verifying (Payload verified it). */
function expiryOf(credentials: string): number | undefined {
  const payloadPart = credentials.split(' ').pop()?.split('.')[1]
  if (!payloadPart) return undefined
  try {
    const exp = (JSON.parse(Buffer.from(payloadPart, 'base64url').toString()) as { exp?: unknown }).exp
    return typeof exp === 'number' ? exp : undefined
  } catch {
    return undefined
  }
}

const connectionStringOf = (payload: Payload) =>
  (payload.db as unknown as { pool?: { options?: { connectionString?: string } } }).pool?.options?.connectionString

export function withReadCache<C>(handler: Handler<C>, config: Promise<SanitizedConfig> | SanitizedConfig): Handler<C> {
  if (!apiReadCacheEnabled()) return handler
  return async (request, context) => {
    const url = new URL(request.url)
    const credentials = credentialsOf(request)
    if (request.method !== 'GET' || !credentials || !CACHEABLE.test(url.pathname) || /no-cache/i.test(request.headers.get('cache-control') ?? ''))
      return handler(request, context)
    const payload = await getPayload({ config })
    const connectionString = connectionStringOf(payload)
    const version = connectionString ? changeVersion(connectionString) : undefined
    if (version === undefined) return handler(request, context)

    const userKey = `${version}\n${credentials}`
    let user = caches.users.get(userKey)
    if (!user) {
      const exp = expiryOf(credentials)
      const found = (await payload.auth({ headers: request.headers, canSetHeaders: false })).user
      if (!found) return handler(request, context) // not signed in after all: Payload answers
      user = { id: found.id, collection: found.collection }
      const ttl = exp ? Math.min(MAX_AGE_MS, exp * 1000 - Date.now()) : MAX_AGE_MS
      if (ttl > 0) caches.users.set(userKey, user, { ttl })
    }
    const key = [
      version,
      user.collection,
      user.id,
      url.pathname + url.search,
      request.headers.get('accept-language') ?? '',
      /(?:^|;\s*)payload-lng=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? '',
      request.headers.get('origin') ?? '',
    ].join('\n')
    const hit = caches.answers.get(key)
    if (hit) return new Response(hit.body as BodyInit, { status: 200, headers: [...hit.headers, ['x-cache', 'hit']] })

    const response = await handler(request, context)
    const headers = [...response.headers.entries()]
    const cacheable =
      response.status === 200 && (response.headers.get('content-type') ?? '').includes('application/json') && !response.headers.has('set-cookie')
    if (!cacheable) return response
    const body = new Uint8Array(await response.arrayBuffer())
    // Stored only if nothing changed while Payload worked (else it may mix before and after).
    if (changeVersion(connectionString!) === version) caches.answers.set(key, { body, headers })
    return new Response(body as BodyInit, { status: 200, headers: [...headers, ['x-cache', 'miss']] })
  }
}
