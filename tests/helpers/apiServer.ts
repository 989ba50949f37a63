import { createServer, type IncomingMessage } from 'node:http'
import { handleEndpoints, type Payload } from 'payload'

/**
 * Payload's REST API on a real HTTP port (127.0.0.1, free port), through `handleEndpoints`
 * — the handler the admin's Next.js routes call — and GraphQL, without building the admin UI.
 */
export async function startApiServer(payload: Payload): Promise<{ url: string; close: () => Promise<void> }> {
  // GraphQL is served by @payloadcms/next's handler (as in the admin's app/(payload)/api/graphql route).
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const graphql = GRAPHQL_POST(payload.config)
  const server = createServer(async (req, res) => {
    try {
      const request = await toRequest(req)
      const response =
        req.method === 'POST' && req.url?.startsWith('/api/graphql')
          ? await graphql(request)
          : await handleEndpoints({ config: payload.config, request })
      res.statusCode = response.status
      response.headers.forEach((value, key) => res.setHeader(key, value))
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      res.statusCode = 500
      res.end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = chunks.length ? Buffer.concat(chunks) : undefined
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
    else if (value !== undefined) headers.set(key, value)
  }
  return new Request(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
  })
}
