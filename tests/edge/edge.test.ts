import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findAll, textContent } from 'domutils'
import { parseDocument } from 'htmlparser2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalS3 } from '../../bench/localS3'
import { CACHE_RULES } from '#core/siteHeaders'
import { startEdge } from '../../edge/runLocal'
import { HttpPurger, NoopPurger } from '../../pipeline/deploy/cdn'
import { deployMission, type DeployOptions } from '../../pipeline/deploy/deployMission'
import { ContentStore } from '../../pipeline/deploy/store'
import { loginOverHttp, startApiServer } from '../helpers/apiServer'
import { buildDemoSites, type DemoSites } from '../helpers/demoSites'
import { freePort } from '../helpers/globalSetup'
import { startSiteServer } from '../../site-server/server'

/**
 * The edge worker (edge/worker.ts) in the real workerd runtime (miniflare), over a real
 * S3-compatible server (s3rver) holding a real deploy of the demo sites: what a reader of the CDN gets.
 * The worker listens on the port the demo was built for, with its edge cache on, and the deploy
 * purges it through the generic HTTP purge adapter, as a CDN would be purged.
 */
let site: DemoSites
let s3: Awaited<ReturnType<typeof startLocalS3>>
let edge: Awaited<ReturnType<typeof startEdge>>
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mp-edge-'))
const store = new ContentStore(path.join(tmp, 'store'))
const alertsDir = path.join(tmp, 'alerts')
const PURGE_TOKEN = 'edge-test-purge-token'
const OSAKA_HOST = 'jp-osaka.missions.test'
const system = { overrideAccess: true } as const
const quiet = () => {}
const s3Env = () => ({
  S3_BUCKET: s3.config.bucket,
  S3_ENDPOINT: s3.config.endpoint,
  S3_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  CDN_PURGE_URL: `${site.baseUrl}/`,
  CDN_PURGE_TOKEN: PURGE_TOKEN,
})
const deploy = (mission: string, extra: Partial<DeployOptions> = {}) =>
  deployMission({
    payload: site.payload,
    mission,
    trigger: 'test',
    s3: s3.config,
    sitesDir: site.sitesDir,
    store,
    purger: new HttpPurger(`${site.baseUrl}/`, PURGE_TOKEN),
    allowLoopbackUrls: true,
    log: quiet,
    ...extra,
  })
const get = (p: string, init?: RequestInit) => fetch(`${site.baseUrl}${p}`, { redirect: 'manual', ...init })
const built = (file: string) => readFileSync(path.join(site.sitesDir, file), 'utf8')

beforeAll(async () => {
  process.env.MP_ALERTS_DIR = alertsDir
  site = await buildDemoSites()
  // Deploy (purged URLs) and alerts job with the base the sites were built for, as in production.
  process.env.SITE_BASE_URL = site.baseUrl
  s3 = await startLocalS3()
  // jp-osaka on its own domain: routed by host (the deploy writes _deploy/hosts.json from the missions' siteUrl).
  const osaka = (await site.payload.find({ collection: 'missions', where: { code: { equals: 'jp-osaka' } }, ...system })).docs[0]!
  await site.payload.update({ collection: 'missions', id: osaka.id, data: { siteUrl: `https://${OSAKA_HOST}/` }, context: { skipRebuild: true }, ...system })
  // Redirects as the import produces them (paths relative to the mission's root).
  writeFileSync(
    path.join(site.sitesDir, 'au-canberra', '_redirects.json'),
    JSON.stringify({
      redirects: [
        { from: '/2019/05/old-post/', to: '/vi/tin-tuc/new-slug/', status: 301 },
        { from: '/?p=123', to: '/en/news/', status: 308 },
      ],
    }),
  )
  for (const code of ['au-canberra', 'jp-osaka', 'eg-cairo']) await deploy(code)
  edge = await startEdge({
    port: site.port,
    vars: {
      S3_ENDPOINT: s3.config.endpoint,
      S3_BUCKET: s3.config.bucket,
      S3_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      PURGE_TOKEN,
    },
  })
}, 600_000)

afterAll(async () => {
  for (const k of [...Object.keys(s3Env()), 'MP_ALERTS_DIR', 'SITE_BASE_URL']) delete process.env[k]
  await edge?.close()
  await s3?.dispose()
  await site?.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('routing', () => {
  it('serves /<code>/<locale>/ by path prefix, with the folder index and the security headers', async () => {
    const res = await get('/au-canberra/vi/')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(built('au-canberra/vi/index.html'))
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-language')).toBe('vi')
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none';.*frame-ancestors 'none'$/)
    expect(res.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    for (const p of ['/au-canberra/vi/index.html', '/au-canberra/vi']) expect(await (await get(p)).text()).toBe(built('au-canberra/vi/index.html'))
  })

  it('routes a mission host to that mission at the root', async () => {
    const res = await edge.miniflare.dispatchFetch(`http://${OSAKA_HOST}/en/`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(built('jp-osaka/en/index.html'))
    expect((await edge.miniflare.dispatchFetch(`http://${OSAKA_HOST}/au-canberra/vi/`)).status).toBe(404)
  })

  it("answers an unknown path with its locale's 404 page and status 404", async () => {
    for (const [p, page] of [
      ['/au-canberra/en/no-such-page/', 'au-canberra/en/404.html'],
      ['/au-canberra/vi/khong-co', 'au-canberra/vi/404.html'],
      ['/eg-cairo/ar/لا-يوجد/', 'eg-cairo/ar/404.html'],
    ] as const) {
      const res = await get(encodeURI(p))
      expect(res.status, p).toBe(404)
      expect(await res.text()).toBe(built(page))
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    }
    expect((await get('/au-canberra/%2e%2e/_deploy/au-canberra.json')).status).toBe(404)
    expect((await get('/no-such-mission/vi/')).status).toBe(404)
  })

  it('answers the redirects of _redirects.json with their status and the mission prefix', async () => {
    const old = await get('/au-canberra/2019/05/old-post/')
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe('/au-canberra/vi/tin-tuc/new-slug/')
    const byQuery = await get('/au-canberra/?p=123')
    expect(byQuery.status).toBe(308)
    expect(byQuery.headers.get('location')).toBe('/au-canberra/en/news/')
    expect((await get('/au-canberra/?p=124')).status).not.toBe(308)
  })
})

describe('cache rules', () => {
  it('keeps pages briefly in browsers, a little longer at the edge, and hashed assets for a year', async () => {
    const page = await get('/au-canberra/en/')
    expect(page.headers.get('cache-control')).toBe('public, max-age=20, stale-while-revalidate=30')
    expect(page.headers.get('cdn-cache-control')).toBe(`public, max-age=${CACHE_RULES.page.edgeSeconds}`)
    const asset = readdirSync(path.join(site.sitesDir, 'au-canberra', 'media')).find((f) => f.endsWith('.jpg'))!
    const res = await get(`/au-canberra/media/${asset}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const etag = res.headers.get('etag')!
    expect((await get(`/au-canberra/media/${asset}`, { headers: { 'If-None-Match': etag } })).status).toBe(304)
  })

  it('serves a redeployed page at once: the deploy purges the edge cache', async () => {
    const file = path.join(site.sitesDir, 'au-canberra', 'en', 'index.html')
    expect(await (await get('/au-canberra/en/')).text()).toBe(built('au-canberra/en/index.html')) // now in the edge cache
    const original = readFileSync(file, 'utf8')
    try {
      // Without a purge the edge keeps its copy for the page's edge TTL…
      writeFileSync(file, original.replace('</body>', '<!-- unpurged --></body>'))
      await deploy('au-canberra', { purger: new NoopPurger() })
      expect(await (await get('/au-canberra/en/')).text()).toBe(original)
      // …and the deploy's purge drops it.
      writeFileSync(file, original.replace('</body>', '<!-- redeployed --></body>'))
      const result = await deploy('au-canberra')
      expect(result.purgedUrls).toContain(`${site.baseUrl}/au-canberra/en/`)
      expect(await (await get('/au-canberra/en/')).text()).toContain('<!-- redeployed -->')
    } finally {
      writeFileSync(file, original)
    }
  })
})

describe('emergency alerts through the edge', () => {
  it('appear within 10 s of being saved through the API, as inert text, and are gone within 10 s of expiry', async () => {
    Object.assign(process.env, s3Env())
    const api = await startApiServer(site.payload)
    // The jobs runner of `npm start`, ticking every second on the alerts queue.
    let running = true
    const runner = (async () => {
      while (running) {
        await site.payload.jobs.run({ queue: 'alerts', limit: 10 }).catch(() => {})
        await new Promise((r) => setTimeout(r, 1000))
      }
    })()
    try {
      const admin = await loginOverHttp(api.url, 'admin.au-canberra@example.org', process.env.SEED_PASSWORD!)
      const mission = (await site.payload.find({ collection: 'missions', where: { code: { equals: 'au-canberra' } }, ...system })).docs[0]!
      const hostile = `Bão <img src=x onerror=alert(1)><script>alert(2)</script> gọi $& $\` $' $1 ngay`
      const hasBanner = (html: string) => html.includes('data-alert-id=')
      expect(hasBanner(await (await get('/au-canberra/vi/')).text())).toBe(false)

      const saved = Date.now()
      const res = await fetch(`${api.url}/api/alerts?locale=vi`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: admin },
        body: JSON.stringify({
          mission: mission.id,
          severity: 'critical',
          text: hostile,
          startsAt: new Date(saved - 1000).toISOString(),
          expiresAt: new Date(saved + 120_000).toISOString(),
        }),
      })
      expect(res.status, await res.clone().text()).toBe(201)
      const id = ((await res.json()) as { doc: { id: number } }).doc.id

      const until = async (ok: (html: string) => boolean, path_: string) => {
        for (;;) {
          const html = await (await get(path_)).text()
          if (ok(html)) return html
          await new Promise((r) => setTimeout(r, 250))
        }
      }
      const html = await until(hasBanner, '/au-canberra/vi/')
      expect(Date.now() - saved).toBeLessThan(10_000)
      const doc = parseDocument(html)
      const banner = findAll((e) => e.attribs.role === 'alert', doc.children)
      expect(banner).toHaveLength(1)
      expect(textContent(banner)).toContain(hostile)
      expect(findAll((e) => e.name === 'img' || e.name === 'script', banner[0]!.children)).toEqual([])
      expect(html.match(/<title>/g)).toHaveLength(1) // `$\`` did not copy the head into the banner
      // No English text: the default language's, marked as such; the labels in the page's language.
      const en = await until(hasBanner, '/au-canberra/en/')
      expect(en).toContain('<span lang="vi">')
      expect(en).toContain('Emergency alert:')
      expect(hasBanner(await (await get('/eg-cairo/en/')).text())).toBe(false)

      // Expiry: the alert is shortened to end 2 s from now.
      const expiresAt = Date.now() + 2000
      const patch = await fetch(`${api.url}/api/alerts/${id}?locale=vi`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: admin },
        body: JSON.stringify({ expiresAt: new Date(expiresAt).toISOString() }),
      })
      expect(patch.status, await patch.clone().text()).toBe(200)
      await until((h) => !hasBanner(h), '/au-canberra/vi/')
      expect(Date.now() - expiresAt).toBeLessThan(10_000)
      // The bucket's alert file no longer lists it once the expiry job ran.
      await new Promise((r) => setTimeout(r, 3000))
      const json = (await (await get('/au-canberra/alert.json')).json()) as { alerts: unknown[] }
      expect(json.alerts).toEqual([])
    } finally {
      running = false
      await runner
      await api.close()
    }
  }, 120_000)
})

describe('a failed purge', () => {
  it('is recorded on the deployment, which stays live', async () => {
    const file = path.join(site.sitesDir, 'eg-cairo', 'en', 'index.html')
    const original = readFileSync(file, 'utf8')
    writeFileSync(file, original.replace('</body>', '<!-- purge refused --></body>'))
    try {
      // The edge refuses a purge with the wrong token (403), after the retries.
      const result = await deploy('eg-cairo', { purger: new HttpPurger(`${site.baseUrl}/`, 'wrong-token') })
      const record = await site.payload.findByID({ collection: 'deployments', id: result.deploymentId, depth: 0, ...system })
      expect(record.status).toBe('succeeded')
      expect(record.error).toMatch(/CDN purge \(http\) failed.*403/)
    } finally {
      writeFileSync(file, original)
    }
  })
})

describe('the local server', () => {
  it('behaves as the edge: same status, headers, cache rules and bodies, 404 pages included', async () => {
    const port = await freePort()
    const local = await startSiteServer({ sitesDir: site.sitesDir, port, alertsDir, analytics: null })
    try {
      const image = readdirSync(path.join(site.sitesDir, 'au-canberra', 'media')).find((f) => f.endsWith('.jpg'))!
      for (const p of [
        '/au-canberra/vi/',
        '/au-canberra/vi/tin-tuc',
        '/au-canberra/vi/khong-co/',
        '/eg-cairo/ar/',
        `/au-canberra/media/${image}`,
        '/au-canberra/sitemap.xml',
      ]) {
        const [a, b] = await Promise.all([fetch(`http://127.0.0.1:${port}${p}`), get(p)])
        expect(a.status, p).toBe(b.status)
        for (const h of [
          'content-security-policy',
          'strict-transport-security',
          'x-content-type-options',
          'referrer-policy',
          'permissions-policy',
          'cross-origin-opener-policy',
          'cache-control',
          'cdn-cache-control',
          'content-type',
        ]) {
          expect(a.headers.get(h), `${p} ${h}`).toBe(b.headers.get(h))
        }
        expect(Buffer.from(await a.arrayBuffer()).equals(Buffer.from(await b.arrayBuffer())), p).toBe(true)
      }
    } finally {
      local.close()
    }
  })
})

describe('deploys of localhost pages', () => {
  it('are refused with a message naming SITE_BASE_URL, and the previous deployment stays live', async () => {
    await expect(deploy('eg-cairo', { allowLoopbackUrls: false })).rejects.toThrow(/SITE_BASE_URL/)
    const last = (await site.payload.find({ collection: 'deployments', sort: '-id', limit: 1, depth: 0, ...system })).docs[0]!
    expect(last.status).toBe('failed')
    expect(last.error).toMatch(/local address readers cannot reach/)
    expect((await get('/eg-cairo/ar/')).status).toBe(200)
  })
})
