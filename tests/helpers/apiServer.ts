import { createServer, type IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import type { Logger } from 'pino'
import { handleEndpoints, type Payload } from 'payload'
import { withApiGuards } from '../../cms/endpoints/guards'
import { withReadCache } from '../../cms/endpoints/readCache'

/**
 * Payload's REST API over real HTTP on a free 127.0.0.1 port: the same handler Payload's
 * Next routes call (handleEndpoints), plus GraphQL through @payloadcms/next's handler (as in
 * cms/app/(payload)/api/graphql/route.ts), behind the same guards (cms/endpoints/guards.ts).
 * Like Next's server, it sets X-Forwarded-For to the socket address when the client sent none.
 */
export async function startApiServer(
  payload: Payload,
  options: { logger?: Logger; port?: number; readCache?: boolean } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const graphql = GRAPHQL_POST(payload.config)
  const rest = (request: Request) => handleEndpoints({ config: payload.config, request })
  // The read cache as the Next GET route has it (cms/endpoints/readCache.ts), when a test asks for it.
  const reads = options.readCache ? withReadCache<undefined>(rest, payload.config) : rest
  const handler = withApiGuards(
    (request: Request) =>
      request.method === 'POST' && new URL(request.url).pathname === '/api/graphql'
        ? graphql(request)
        : request.method === 'GET'
          ? reads(request, undefined)
          : rest(request),
    options,
  )
  const toRequest = (req: IncomingMessage, origin: string): Request => {
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value)
    }
    if (!headers.has('x-forwarded-for') && req.socket.remoteAddress) headers.set('x-forwarded-for', req.socket.remoteAddress)
    const hasBody = !['GET', 'HEAD'].includes(req.method ?? 'GET')
    return new Request(new URL(req.url ?? '/', origin), {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      // @ts-expect-error Node's fetch needs duplex for streamed request bodies
      duplex: 'half',
    })
  }
  const server = createServer(async (req, res) => {
    try {
      const response = await handler(toRequest(req, `http://127.0.0.1:${port}`), undefined)
      const headers: Record<string, string | string[]> = {}
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') headers[key] = value
      })
      const cookies = response.headers.getSetCookie()
      if (cookies.length) headers['set-cookie'] = cookies
      res.writeHead(response.status, headers)
      if (response.body) Readable.fromWeb(response.body as never).pipe(res)
      else res.end()
    } catch (error) {
      res.statusCode = 500
      res.end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Logs in over REST and returns the Authorization header value for later requests. */
export async function loginOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = (await res.json()) as { token?: string; errors?: { message: string }[] }
  if (!res.ok || !body.token) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(body)}`)
  return `JWT ${body.token}`
}
