import { createServer, type IncomingMessage, type Server } from 'node:http'
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BunnyPurger, CloudflarePurger, CloudFrontPurger, FastlyPurger, purgerFromEnv } from '../../pipeline/deploy/cdn'

/**
 * Contract tests: each CDN purge adapter against a loopback server that checks the request shapes
 * the CDN documents (Cloudflare `purge_cache`, CloudFront `CreateInvalidation`, Fastly batch
 * surrogate-key purge, Bunny `POST /purge`) and answers as the CDN does.
 */
type Seen = { method: string; path: string; headers: IncomingMessage['headers']; body: string }
let server: Server
let base: string
const seen: Seen[] = []
/** Answers for the next requests, in order (status, body); then the default success. */
const script: { status: number; body: string }[] = []

const site = 'https://au-canberra.missions.example'
const urls = (n: number, prefix = `${site}/vi/tin-tuc/`) => Array.from({ length: n }, (_, i) => `${prefix}bai-${i}/`)

beforeAll(async () => {
  process.env.CDN_PURGE_BACKOFF_MS = '10'
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      seen.push({ method: req.method!, path: req.url!, headers: req.headers, body })
      const next = script.shift()
      if (next) {
        res.statusCode = next.status
        return res.end(next.body)
      }
      if (req.url!.startsWith('/cloudfront/')) {
        // CloudFront answers 201 with the invalidation it created (XML).
        const batch = new XMLParser().parse(body).InvalidationBatch
        res.statusCode = 201
        res.setHeader('Content-Type', 'text/xml')
        res.setHeader('Location', `${base}${req.url}/I123`)
        return res.end(
          `<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I123</Id><Status>InProgress</Status><CreateTime>2026-12-04T00:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>${batch.Paths.Quantity}</Quantity></Paths><CallerReference>${batch.CallerReference}</CallerReference></InvalidationBatch></Invalidation>`,
        )
      }
      res.setHeader('Content-Type', 'application/json')
      res.end(
        req.url!.includes('purge_cache')
          ? JSON.stringify({ success: true, errors: [], messages: [], result: { id: 'p1' } })
          : JSON.stringify({ status: 'ok', id: 'p1' }),
      )
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => {
  delete process.env.CDN_PURGE_BACKOFF_MS
  server?.close()
})
const reset = () => {
  seen.length = 0
  script.length = 0
}

describe('Cloudflare purge_cache (contract)', () => {
  const purger = () => new CloudflarePurger({ zoneId: 'zone123', token: 'cf-token', apiUrl: `${base}/client/v4` })

  it('sends URLs in batches of at most 100 to POST /zones/{zone_id}/purge_cache with a bearer token', async () => {
    reset()
    const all = urls(250)
    await purger().purge(all)
    expect(seen).toHaveLength(3)
    const files: string[] = []
    for (const r of seen) {
      expect(r.method).toBe('POST')
      expect(r.path).toBe('/client/v4/zones/zone123/purge_cache')
      expect(r.headers.authorization).toBe('Bearer cf-token')
      expect(r.headers['content-type']).toBe('application/json')
      const body = JSON.parse(r.body) as { files: string[] }
      expect(Object.keys(body)).toEqual(['files'])
      expect(body.files.length).toBeLessThanOrEqual(100)
      files.push(...body.files)
    }
    expect(files.sort()).toEqual([...all].sort())
  })

  it("purges a mission's whole site by prefix (host/path, no scheme) when a change touches many URLs", async () => {
    reset()
    await purger().purge([...urls(200, `${site}/vi/`), ...urls(200, `${site}/en/`)])
    expect(seen).toHaveLength(1)
    expect(JSON.parse(seen[0]!.body)).toEqual({ prefixes: ['au-canberra.missions.example'] })
    reset()
    await purger().purge(urls(400, 'https://sites.example/au-canberra/vi/'))
    expect(JSON.parse(seen[0]!.body)).toEqual({ prefixes: ['sites.example/au-canberra/vi'] })
  })

  it('purges by cache tag when tags are configured', async () => {
    reset()
    await new CloudflarePurger({ zoneId: 'zone123', token: 'cf-token', apiUrl: `${base}/client/v4`, tags: true }).purge(urls(2), {
      mission: 'au-canberra',
      keys: ['au-canberra/vi/', 'au-canberra/vi/tin-tuc/'],
    })
    expect(JSON.parse(seen[0]!.body)).toEqual({ tags: ['au-canberra/vi/', 'au-canberra/vi/tin-tuc/'] })
  })

  it('retries throttling with back-off, and fails loudly on a refusal', async () => {
    reset()
    script.push({ status: 429, body: '{"success":false,"errors":[{"code":971,"message":"Please wait"}]}' }, { status: 502, body: 'bad gateway' })
    await purger().purge(urls(3))
    expect(seen).toHaveLength(3)
    reset()
    script.push({ status: 200, body: '{"success":false,"errors":[{"code":1134,"message":"Invalid url"}]}' })
    await expect(purger().purge(urls(1))).rejects.toThrow(/Cloudflare refused the purge.*Invalid url/)
    expect(seen).toHaveLength(1) // a refusal is not retried
  })
})

describe('CloudFront CreateInvalidation (contract)', () => {
  const purger = () =>
    new CloudFrontPurger({
      distributionId: 'EDFDVBD6EXAMPLE',
      endpoint: `${base}/cloudfront`,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    })
  const batches = () => seen.map((r) => ({ r, batch: new XMLParser({ isArray: (name) => name === 'Path' }).parse(r.body).InvalidationBatch }))

  it('invalidates the paths in one signed batch (Quantity = number of Items, unique CallerReference)', async () => {
    reset()
    await purger().purge([...urls(20), `${site}/vi/`], { mission: 'au-canberra' })
    const [{ r, batch }] = batches() as [{ r: Seen; batch: { Paths: { Quantity: number; Items: { Path: string[] } }; CallerReference: string } }]
    expect(r.method).toBe('POST')
    expect(r.path).toBe('/cloudfront/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation')
    expect(r.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/cloudfront\/aws4_request/)
    expect(batch.Paths.Quantity).toBe(21)
    expect(batch.Paths.Items.Path).toHaveLength(21)
    expect(batch.Paths.Items.Path).toContain('/vi/')
    expect(batch.CallerReference).toMatch(/^au-canberra-\d+-0$/)
  })

  it("uses one wildcard path for the mission's site when many paths change", async () => {
    reset()
    await purger().purge(urls(120, 'https://sites.example/au-canberra/vi/'), { mission: 'au-canberra' })
    expect(batches()).toHaveLength(1)
    expect(batches()[0]!.batch.Paths.Items.Path).toEqual(['/au-canberra/vi/*'])
  })

  it('retries a throttled call and reports a final failure', async () => {
    reset()
    const throttled =
      '<?xml version="1.0"?><ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>'
    script.push({ status: 503, body: throttled })
    await purger().purge(urls(2))
    expect(seen).toHaveLength(2)
    reset()
    const denied =
      '<?xml version="1.0"?><ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized</Message></Error></ErrorResponse>'
    script.push({ status: 403, body: denied })
    await expect(purger().purge(urls(2))).rejects.toThrow(/CloudFront purge failed.*not authorized/)
  })
})

describe('Fastly surrogate-key purge (contract)', () => {
  const purger = () => new FastlyPurger({ serviceId: 'SU1Z0isxPaozGVKXdv0eY', token: 'fastly-token', apiUrl: base })

  it('sends surrogate keys, at most 256 per POST /service/{id}/purge, in a Surrogate-Key header with Fastly-Key', async () => {
    reset()
    const keys = Array.from({ length: 600 }, (_, i) => `au-canberra/vi/tin-tuc/bai-${i}/`)
    await purger().purge(urls(600), { mission: 'au-canberra', keys })
    expect(seen).toHaveLength(3)
    const sent: string[] = []
    for (const r of seen) {
      expect(r.method).toBe('POST')
      expect(r.path).toBe('/service/SU1Z0isxPaozGVKXdv0eY/purge')
      expect(r.headers['fastly-key']).toBe('fastly-token')
      const k = String(r.headers['surrogate-key']).split(' ')
      expect(k.length).toBeLessThanOrEqual(256)
      sent.push(...k)
    }
    expect(sent.sort()).toEqual([...keys].sort())
  })

  it('purges single URLs with POST /purge/{host}/{path} when there are no keys', async () => {
    reset()
    await purger().purge([`${site}/vi/`])
    expect(seen.map((r) => [r.method, r.path, r.headers['fastly-key']])).toEqual([['POST', '/purge/au-canberra.missions.example/vi/', 'fastly-token']])
  })
})

describe('Bunny purge (contract)', () => {
  const purger = () => new BunnyPurger({ apiKey: 'bunny-key', apiUrl: base })

  it('sends POST /purge?url=… with the AccessKey header, one per URL', async () => {
    reset()
    await purger().purge(urls(3))
    expect(seen).toHaveLength(3)
    for (const r of seen) {
      expect(r.method).toBe('POST')
      expect(r.headers.accesskey).toBe('bunny-key')
      const u = new URL(r.path, base)
      expect(u.pathname).toBe('/purge')
      expect(u.searchParams.get('url')).toMatch(/^https:\/\/au-canberra\.missions\.example\/vi\/tin-tuc\/bai-\d\/$/)
    }
  })

  it("purges a mission's site by one wildcard URL when many change", async () => {
    reset()
    await purger().purge(urls(150))
    expect(seen).toHaveLength(1)
    expect(new URL(seen[0]!.path, base).searchParams.get('url')).toBe(`${site}/vi/tin-tuc/*`)
  })
})

describe('purge configuration per mission host', () => {
  it('sends each host to its own CDN and the rest to the default one', async () => {
    reset()
    const purger = purgerFromEnv({
      CDN_PURGE_PROVIDER: 'cloudflare',
      CLOUDFLARE_ZONE_ID: 'zone-default',
      CLOUDFLARE_API_TOKEN: 'cf-token',
      CLOUDFLARE_API_URL: `${base}/client/v4`,
      FASTLY_API_TOKEN: 'fastly-token',
      FASTLY_API_URL: base,
      CDN_PURGE_HOSTS: JSON.stringify({
        'jp-osaka.missions.example': { provider: 'fastly', serviceId: 'svc-osaka' },
        'eg-cairo.missions.example': { provider: 'cloudflare', zoneId: 'zone-cairo' },
      }),
    })
    await purger.purge(['https://jp-osaka.missions.example/vi/', 'https://eg-cairo.missions.example/ar/', `${site}/en/`])
    expect(seen.map((r) => r.path).sort()).toEqual([
      '/client/v4/zones/zone-cairo/purge_cache',
      '/client/v4/zones/zone-default/purge_cache',
      '/purge/jp-osaka.missions.example/vi/',
    ])
  })

  it('refuses an incomplete or unknown configuration with the variable to set', () => {
    expect(() => purgerFromEnv({ CDN_PURGE_PROVIDER: 'cloudflare' })).toThrow(/CLOUDFLARE_ZONE_ID.*CLOUDFLARE_API_TOKEN/)
    expect(() => purgerFromEnv({ CDN_PURGE_PROVIDER: 'akamai' })).toThrow(/CDN_PURGE_PROVIDER must be one of/)
    expect(() => purgerFromEnv({ CDN_PURGE_HOSTS: '{nope' })).toThrow(/CDN_PURGE_HOSTS must be JSON/)
  })
})
