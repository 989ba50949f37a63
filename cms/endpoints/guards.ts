import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { logger as defaultLogger } from '../lib/logger'
import { MAX_UPLOAD_BYTES } from '../hooks/validateUpload'

/** JSON and form bodies: far above any article, far below what would hurt the server. */
export const MAX_JSON_BODY_BYTES = 2_000_000
/** Multipart (uploads): the file limit plus room for the other form fields. */
export const MAX_MULTIPART_BODY_BYTES = MAX_UPLOAD_BYTES + 1_000_000

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

type Handler<C> = (request: Request, context: C) => Promise<Response>

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
 * - one structured log line per request (method, path, status, duration, request id).
 */
export function withApiGuards<C = unknown>(handler: Handler<C>, options: { logger?: Logger } = {}): Handler<C> {
  const log = options.logger ?? defaultLogger
  return async (request, context) => {
    const started = performance.now()
    const incoming = request.headers.get('x-request-id')
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    const url = new URL(request.url)
    let response: Response
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
          response = json(413, `The request body is too large; the limit is ${limit / 1e6} MB${multipart ? ' for uploads' : ''}.`, requestId, { Connection: 'close' })
          log.warn({ reqId: requestId, method: request.method, path: url.pathname, status: 413 }, 'request body too large')
          return response
        }
        headers.set('content-length', String(body.byteLength))
        forwarded = new Request(request.url, { method: request.method, headers, body, signal: request.signal })
      } else {
        // Rebuilt from parts: Next's request object cannot be passed to another realm's Request constructor.
        forwarded = new Request(request.url, { method: request.method, headers, signal: request.signal })
      }
      const upstream = await handler(forwarded, context)
      const responseHeaders = new Headers(upstream.headers)
      responseHeaders.set('X-Request-Id', requestId)
      response = new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: responseHeaders })
    } catch (error) {
      log.error({ reqId: requestId, err: error }, 'request failed')
      response = json(500, 'Something went wrong on our side. Quote this request id when reporting it: ' + requestId, requestId)
    }
    const entry = { reqId: requestId, method: request.method, path: url.pathname, status: response.status, ms: Math.round(performance.now() - started) }
    if (response.status >= 500) log.error(entry, 'request')
    else log.info(entry, 'request')
    return response
  }
}
