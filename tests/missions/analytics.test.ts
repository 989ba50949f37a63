import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { buildSites } from '../../pipeline/buildSites'
import { analyticsConfig } from '../../site/analytics'
import { startSiteServer } from '../../site-server/server'
import { responseHeadersPolicy } from '../../edge/cloudfrontConfig'
import { createTestPayload } from '../helpers/payload'
import { createMission } from '../helpers/fixtures'
import { builtFiles } from '../helpers/demoSites'
import { freePort } from '../helpers/globalSetup'

/**
 * Cookieless analytics (issue #7): one service for all missions, configured by the operator
 * (ANALYTICS_SCRIPT_URL, ANALYTICS_SITE_ATTRIBUTE), on the pages of missions that opted in —
 * and no analytics markup anywhere otherwise. The sites' CSP admits the service's origin only
 * when it is configured.
 */
const SCRIPT = 'https://stats.example.net/js/script.js'
let payload: Payload
let close: () => Promise<void>
const dirs: string[] = []
const system = { overrideAccess: true } as const

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  for (const [code, optIn] of [
    ['an-counted', true],
    ['an-private', false],
  ] as const) {
    const m = await createMission(payload, code, { analyticsOptIn: optIn, siteUrl: `https://${code}.example.org/` } as never)
    for (const locale of ['vi', 'en'] as const) {
      const data = { title: `${code} ${locale}`, section: 'news', missions: [m.id], _status: 'published', workflow: { state: 'published' } }
      await payload.create({ collection: 'articles', locale, data: data as never, context: { skipRebuild: true }, ...system })
    }
  }
})

afterAll(async () => {
  await close?.()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** Builds both missions with the given analytics environment; returns each HTML page's text by path. */
async function build(env: Record<string, string | undefined>) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  const sitesDir = mkdtempSync(path.join(os.tmpdir(), 'mp-analytics-'))
  dirs.push(sitesDir)
  for (const [k, v] of Object.entries(env)) v === undefined ? delete process.env[k] : (process.env[k] = v)
  try {
    await buildSites({ payload, missions: ['an-counted', 'an-private'], sitesDir, log: () => {} })
  } finally {
    for (const [k, v] of Object.entries(saved)) v === undefined ? delete process.env[k] : (process.env[k] = v)
  }
  return new Map(
    builtFiles(sitesDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f, readFileSync(path.join(sitesDir, f), 'utf8')]),
  )
}

const scriptsIn = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])

describe('analytics script on built pages', () => {
  it('is on every page of an opted-in mission, with its site host, and on no page of an opted-out one', async () => {
    const pages = await build({ ANALYTICS_SCRIPT_URL: SCRIPT, ANALYTICS_SITE_ATTRIBUTE: undefined })
    const counted = [...pages].filter(([f]) => f.startsWith('an-counted/'))
    const notCounted = [...pages].filter(([f]) => f.startsWith('an-private/'))
    expect(counted.length).toBeGreaterThan(8)
    expect(notCounted.length).toBe(counted.length)
    for (const [file, html] of counted) {
      // SITE_BASE_URL (set by test runs and npm start) would replace the mission's own URL.
      const host = process.env.SITE_BASE_URL ? new URL(process.env.SITE_BASE_URL).host : 'an-counted.example.org'
      expect(
        scriptsIn(html).filter((s) => s.includes(SCRIPT)),
        file,
      ).toEqual([`<script defer src="${SCRIPT}" data-domain="${host}">`])
    }
    for (const [file, html] of notCounted) expect(html.includes('stats.example.net'), file).toBe(false)
  })

  it('uses the configured site attribute', async () => {
    const pages = await build({ ANALYTICS_SCRIPT_URL: SCRIPT, ANALYTICS_SITE_ATTRIBUTE: 'data-site' })
    expect(pages.get('an-counted/en/index.html')).toMatch(/<script defer src="https:\/\/stats\.example\.net\/js\/script\.js" data-site="[^"]+">/)
  })

  it('is on no page at all when the operator has not configured a service', async () => {
    const pages = await build({ ANALYTICS_SCRIPT_URL: undefined, ANALYTICS_SITE_ATTRIBUTE: undefined })
    expect(pages.size).toBeGreaterThan(16)
    for (const [file, html] of pages) expect(html.includes('stats.example.net') || /data-domain=/.test(html), file).toBe(false)
  })

  it('refuses a bad configuration before building anything, naming the variable', async () => {
    await expect(build({ ANALYTICS_SCRIPT_URL: 'http://stats.example.net/js/script.js' })).rejects.toThrow(
      /ANALYTICS_SCRIPT_URL "http:\/\/stats\.example\.net\/js\/script\.js" must be an https:\/\/ address/,
    )
    await expect(build({ ANALYTICS_SCRIPT_URL: SCRIPT, ANALYTICS_SITE_ATTRIBUTE: 'onload' })).rejects.toThrow(
      /ANALYTICS_SITE_ATTRIBUTE "onload" must be a lower-case data attribute/,
    )
  })
})

describe('Content-Security-Policy', () => {
  // The CloudFront response-headers policy (edge/cloudfront/), generated with the operator's configuration.
  const csp = (analytics: ReturnType<typeof analyticsConfig>) =>
    responseHeadersPolicy(analytics?.origin ?? null).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy + ';'

  it('admits the analytics origin for its script and beacons only when configured', () => {
    const withAnalytics = csp(analyticsConfig({ ANALYTICS_SCRIPT_URL: SCRIPT }))
    expect(withAnalytics).toContain("script-src 'self' 'wasm-unsafe-eval' https://stats.example.net;")
    expect(withAnalytics).toContain("connect-src 'self' https://stats.example.net;")
    const without = csp(analyticsConfig({}))
    expect(without).toContain("script-src 'self' 'wasm-unsafe-eval';")
    expect(without).not.toContain('example.net')
  })

  it('the site server sends the policy of the configured service', async () => {
    const port = await freePort()
    const sitesDir = mkdtempSync(path.join(os.tmpdir(), 'mp-analytics-srv-'))
    dirs.push(sitesDir)
    const server: Server = await startSiteServer({ sitesDir, port, analytics: analyticsConfig({ ANALYTICS_SCRIPT_URL: SCRIPT }) })
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`)
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval' https://stats.example.net")
      expect(res.headers.get('set-cookie')).toBeNull()
    } finally {
      await new Promise((r) => server.close(r))
    }
  })
})
