import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSiteServer } from '../../site-server/server'
import { cloudFrontFunctionSource, responseHeadersPolicy } from '../../edge/cloudfrontConfig'
import { serverURL } from '#core/config'
import { freePort } from '../helpers/globalSetup'

/** Security headers as a browser receives them from the local site server, and the admin's configuration. */
let server: Server
let base: string
const sitesDir = mkdtempSync(path.join(os.tmpdir(), 'mp-headers-'))
const projectRoot = path.resolve(import.meta.dirname, '../..')

beforeAll(async () => {
  mkdirSync(path.join(sitesDir, 'au-canberra/vi/_astro'), { recursive: true })
  writeFileSync(path.join(sitesDir, 'au-canberra/vi/index.html'), '<!doctype html><title>Trang chủ</title>')
  writeFileSync(path.join(sitesDir, 'au-canberra/vi/_astro/app.js'), 'console.log(1)')
  const port = await freePort()
  server = await startSiteServer({ sitesDir, port })
  base = `http://127.0.0.1:${port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name!, values]),
  )
}

describe('site server (what the CDN sends in production)', () => {
  for (const [what, url, status] of [
    ['the mission list', '/', 200],
    ['a page', '/au-canberra/vi/', 200],
    ['a script asset', '/au-canberra/vi/_astro/app.js', 200],
    ['a missing page', '/au-canberra/vi/khong-co/', 404],
    ['an escape attempt', '/au-canberra/%2e%2e/%2e%2e/%2e%2e/etc/passwd', 404],
  ] as const) {
    it(`sends the security headers on ${what}`, async () => {
      const res = await fetch(base + url)
      expect(res.status).toBe(status)
      const csp = directives(res.headers.get('content-security-policy') ?? '')
      expect(csp.get('default-src')).toEqual(["'none'"])
      // No inline or eval'd JavaScript; 'wasm-unsafe-eval' only lets the search page compile Pagefind's WebAssembly.
      expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"])
      expect(csp.get('frame-ancestors')).toEqual(["'none'"])
      expect(csp.get('base-uri')).toEqual(["'none'"])
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(res.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/)
      const hsts = /max-age=(\d+)/.exec(res.headers.get('strict-transport-security') ?? '')
      expect(Number(hsts?.[1])).toBeGreaterThanOrEqual(31_536_000)
      if (status === 404) expect(await res.text()).not.toMatch(/root:/)
    })
  }

  it('ships the same headers, HSTS included, as the committed CloudFront configuration in edge/cloudfront/', async () => {
    // Committed without analytics; an operator with ANALYTICS_SCRIPT_URL regenerates their own (npm run generate).
    const committed = JSON.parse(readFileSync(path.join(projectRoot, 'edge/cloudfront/response-headers-policy.json'), 'utf8'))
    expect(committed).toEqual(responseHeadersPolicy(null))
    expect(readFileSync(path.join(projectRoot, 'edge/cloudfront/function.js'), 'utf8')).toBe(cloudFrontFunctionSource({}))
    const res = await fetch(`${base}/au-canberra/vi/`)
    // The local server lets the subscription form post to this CMS; a CloudFront operator's policy is
    // generated with their SERVER_URL the same way (npm run generate).
    const policy = responseHeadersPolicy(null, 'mission-sites', new URL(serverURL).origin).SecurityHeadersConfig
    expect(policy.ContentSecurityPolicy.ContentSecurityPolicy).toBe(res.headers.get('content-security-policy'))
    expect(`max-age=${policy.StrictTransportSecurity.AccessControlMaxAgeSec}; includeSubDomains`).toBe(res.headers.get('strict-transport-security'))
    expect(policy.ReferrerPolicy.ReferrerPolicy).toBe(res.headers.get('referrer-policy'))
    for (const h of committed.CustomHeadersConfig.Items) expect(res.headers.get(h.Header)).toBe(h.Value)
  })
})

describe('admin (Next.js) headers configuration', () => {
  async function adminHeaders(serverUrl?: string) {
    const previous = process.env.SERVER_URL
    if (serverUrl) process.env.SERVER_URL = serverUrl
    else delete process.env.SERVER_URL
    try {
      const { default: config } = await import('../../cms/next.config')
      const rules = await config.headers!()
      const all = rules.filter((r) => r.source === '/:path*').flatMap((r) => r.headers)
      return new Map(all.map((h) => [h.key.toLowerCase(), h.value]))
    } finally {
      if (previous === undefined) delete process.env.SERVER_URL
      else process.env.SERVER_URL = previous
    }
  }

  it('forbids framing (clickjacking) and MIME sniffing on every admin and API path', async () => {
    const h = await adminHeaders()
    expect(h.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
    expect(h.get('x-frame-options')).toBe('DENY')
    expect(h.get('x-content-type-options')).toBe('nosniff')
    expect(h.has('strict-transport-security')).toBe(false) // plain-http development origin
  })

  it('adds HSTS when the admin is served over HTTPS', async () => {
    const h = await adminHeaders('https://cms.example.org')
    expect(h.get('strict-transport-security')).toMatch(/max-age=63072000/)
  })
})
