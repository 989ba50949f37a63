import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { logger as defaultLogger } from '../lib/logger'
import { MAX_UPLOAD_BYTES } from '../hooks/validateUpload'
import { databaseScope, POOL_ACQUIRE_TIMEOUT_MS, type DatabaseScope } from '../db/pool'
import { clientAddress } from './clientAddress'

/** JSON and form bodies: far above any article, far below what would hurt the server. */
export const MAX_JSON_BODY_BYTES = 2_000_000
/** Multipart (uploads): the file limit plus room for the other form fields. */
export const MAX_MULTIPART_BODY_BYTES = MAX_UPLOAD_BYTES + 1_000_000

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

/**
 * Admission control: at most this many API requests are worked on at once in this process; the
 * next ones wait their turn, at most MAX_QUEUE_WAIT_MS, then get a 503. The work is CPU-bound
 * (two cores), so more requests at once only make each slower: a request's time is about its
 * wait plus MAX_CONCURRENT_REQUESTS ÷ throughput, which keeps it well under a client's 10 s
 * even at a few saves per second, and under overload a quick 503 beats a timeout. The health
 * check is never queued.
 */
export const MAX_CONCURRENT_REQUESTS = 16
export const MAX_QUEUE_WAIT_MS = 2_000
/** Seconds a client told 503 should wait before trying again. */
const RETRY_AFTER_S = '2'

// One count per process, on globalThis: Next bundles this module into each API route (REST, GraphQL).
const admissionKey = Symbol.for('mission-publisher.admission')
const admission = ((globalThis as { [admissionKey]?: { running: number; waiting: (() => void)[] } })[admissionKey] ??= { running: 0, waiting: [] })
const { waiting } = admission

/** Answer logged for a request whose client closed the connection while it waited its turn (nginx's code for it). */
export const CLIENT_GONE_STATUS = 499

/**
 * Resolves to a release function once the request may run, undefined after MAX_QUEUE_WAIT_MS, or
 * 'gone' as soon as the client closes the connection while it waits: after an overload, the
 * queue holds only requests someone still waits for, so the admin answers again at once instead
 * of first working through requests nobody will read.
 */
function admit(signal?: AbortSignal): Promise<(() => void) | undefined | 'gone'> {
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else admission.running--
  }
  if (admission.running < MAX_CONCURRENT_REQUESTS) {
    admission.running++
    return Promise.resolve(release)
  }
  if (signal?.aborted) return Promise.resolve('gone')
  return new Promise((resolve) => {
    const leave = (answer: undefined | 'gone') => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', gone)
      const at = waiting.indexOf(turn)
      if (at >= 0) waiting.splice(at, 1)
      resolve(answer)
    }
    const turn = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', gone)
      resolve(release)
    }
    const gone = () => leave('gone')
    const timer = setTimeout(() => leave(undefined), MAX_QUEUE_WAIT_MS)
    signal?.addEventListener('abort', gone, { once: true })
    waiting.push(turn)
  })
}

/** How many requests wait for their turn in this process now (for tests and the health check's pool view). */
export const queuedRequests = () => waiting.length

type Handler<C> = (request: Request, context: C) => Promise<Response>

const databaseBusy = (requestId: string) =>
  json(503, `The database is busy: no connection came free within ${POOL_ACQUIRE_TIMEOUT_MS / 1000} s. Try again in a moment.`, requestId, {
    'Retry-After': RETRY_AFTER_S,
  })

function json(status: number, message: string, requestId: string, extra: Record<string, string> = {}): Response {
  return Response.json({ errors: [{ message }] }, { status, headers: { 'X-Request-Id': requestId, ...extra } })
}

/** Reads at most `limit` bytes of the body; undefined when it is larger (the rest is never read). */
async function readCapped(request: Request, limit: number): Promise<Buffer<ArrayBuffer> | undefined> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > limit) return undefined
  if (!request.body) return Buffer.alloc(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, size)
}

/**
 * Wraps Payload's REST/GraphQL route handlers (cms/app/(payload)/api/…/route.ts, and the test
 * harness tests/helpers/apiServer.ts) with what Payload does not do itself:
 * - a request id (a valid incoming X-Request-Id is kept, else a new one), passed on to Payload
 *   as a header, returned to the client, and in every request log line;
 * - request body size limits, answered with 413 before the body is parsed;
 * - one structured log line per request (method, path, status, duration, request id, client address);
 * - admission control (see MAX_CONCURRENT_REQUESTS), and a 503 with a clear message for a request
 *   that found no free database connection in time (cms/db/pool.ts) — whatever Payload made of
 *   that error (its JWT strategy, for one, would have carried on as "not logged in").
 */
export function withApiGuards<C = unknown>(handler: Handler<C>, options: { logger?: Logger } = {}): Handler<C> {
  const log = options.logger ?? defaultLogger
  return async (request, context) => {
    const started = performance.now()
    const incoming = request.headers.get('x-request-id')
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    const url = new URL(request.url)
    let response: Response
    const scope: DatabaseScope = { busy: false }
    let release: (() => void) | undefined
    try {
      const headers = new Headers(request.headers)
      headers.set('x-request-id', requestId)
      let forwarded: Request
      if (['POST', 'PUT', 'PATCH'].includes(request.method.toUpperCase())) {
        const multipart = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/')
        const limit = multipart ? MAX_MULTIPART_BODY_BYTES : MAX_JSON_BODY_BYTES
        const body = await readCapped(request, limit)
        if (!body) {
          // The rest of the body is never read, so the connection cannot carry another request.
          response = json(413, `The request body is too large; the limit is ${limit / 1e6} MB${multipart ? ' for uploads' : ''}.`, requestId, {
            Connection: 'close',
          })
          log.warn({ reqId: requestId, method: request.method, path: url.pathname, status: 413 }, 'request body too large')
          return response
        }
        headers.set('content-length', String(body.byteLength))
        forwarded = new Request(request.url, { method: request.method, headers, body, signal: request.signal })
      } else {
        // Rebuilt from parts: Next's request object cannot be passed to another realm's Request constructor.
        forwarded = new Request(request.url, { method: request.method, headers, signal: request.signal })
      }
      // Admitted only now: a slow upload must not hold a place while its body arrives.
      const turn = url.pathname === '/api/health' ? () => {} : await admit(request.signal)
      if (turn === 'gone') {
        log.info(
          { reqId: requestId, method: request.method, path: url.pathname, status: CLIENT_GONE_STATUS, ms: Math.round(performance.now() - started) },
          'request dropped: the client closed the connection while it waited its turn',
        )
        return json(CLIENT_GONE_STATUS, 'The client closed the connection.', requestId)
      }
      release = turn
      if (!release) {
        log.warn(
          { reqId: requestId, method: request.method, path: url.pathname, status: 503, ms: Math.round(performance.now() - started) },
          'request refused: server busy',
        )
        return json(503, 'The server is busy (too many requests at once); try again in a moment.', requestId, { 'Retry-After': RETRY_AFTER_S })
      }
      const upstream = await databaseScope.run(scope, () => handler(forwarded, context))
      if (scope.busy) {
        // Payload's answer was built on a failed query (a 500, a 403, or a view as "not logged in"): drop it.
        await upstream.body?.cancel().catch(() => {})
        response = databaseBusy(requestId)
      } else {
        const responseHeaders = new Headers(upstream.headers)
        responseHeaders.set('X-Request-Id', requestId)
        response = new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders })
      }
    } catch (error) {
      if (scope.busy) response = databaseBusy(requestId)
      else {
        log.error({ reqId: requestId, err: error }, 'request failed')
        response = json(500, 'Something went wrong on our side. Quote this request id when reporting it: ' + requestId, requestId)
      }
    } finally {
      release?.()
    }
    const entry = {
      reqId: requestId,
      method: request.method,
      path: url.pathname,
      status: response.status,
      ms: Math.round(performance.now() - started),
      ip: clientAddress(request.headers), // behind the trusted proxies: who sent it
    }
    if (scope.busy) log.warn(entry, 'request failed: no database connection free')
    else if (response.status >= 500) log.error(entry, 'request')
    else log.info(entry, 'request')
    return response
  }
}
