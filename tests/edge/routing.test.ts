import { readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { fileCandidates, findRedirect, missionHostsOf, notFoundCandidates, routeRequest } from '#core/siteRouting'
import { cloudFrontFunctionSource } from '../../edge/cloudfrontConfig'

/** The one routing of the sites (core/siteRouting.ts), and the CloudFront Function generated to do the same. */
const hosts = missionHostsOf([
  { code: 'jp-osaka', siteUrl: 'https://Jp-Osaka.missions.example/' },
  { code: 'au-canberra', siteUrl: 'https://sites.example/au-canberra/' }, // not at a host root: served by prefix
  { code: 'eg-cairo', siteUrl: null },
])

describe('site routing', () => {
  it('maps mission hosts to their mission at the root, everything else by /<code>/ prefix', () => {
    expect(hosts).toEqual({ 'jp-osaka.missions.example': 'jp-osaka' })
    expect(routeRequest('jp-osaka.missions.example', '/en/news/', hosts)).toEqual({ code: 'jp-osaka', path: 'en/news/', base: '/' })
    expect(routeRequest('sites.example:8443', '/au-canberra/vi/', hosts)).toEqual({ code: 'au-canberra', path: 'vi/', base: '/au-canberra/' })
    expect(routeRequest('sites.example', '/au-canberra', hosts)).toEqual({ code: 'au-canberra', path: '', base: '/au-canberra/' })
    for (const bad of ['/', '/_deploy/au-canberra.json', '/au-canberra/%2e%2e/x', '/au-canberra/a%00b', '/%E0%A4%A'])
      expect(routeRequest('sites.example', bad, hosts), bad).toBeNull()
  })

  it('tries /x/ as x/index.html, /x as x, x.html, x/index.html; 404 pages per locale', () => {
    expect(fileCandidates('vi/')).toEqual(['vi/index.html'])
    expect(fileCandidates('')).toEqual(['index.html'])
    expect(fileCandidates('vi/tin-tuc')).toEqual(['vi/tin-tuc', 'vi/tin-tuc.html', 'vi/tin-tuc/index.html'])
    expect(notFoundCandidates('en/nope/')).toEqual(['en/404.html', '404.html'])
    expect(notFoundCandidates('zh-Hant/x')).toEqual(['zh-Hant/404.html', '404.html'])
    expect(notFoundCandidates('_astro/x.js')).toEqual(['404.html'])
  })

  it('answers redirects relative to the mission, matching the path with or without slash and a query when given', () => {
    const file = {
      redirects: [
        { from: '/2019/05/old-post/', to: '/vi/tin-tuc/new-slug/', status: 301 },
        { from: '/?p=123', to: 'en/news/' },
        { from: '/away', to: 'https://example.org/x', status: 302 },
      ],
    }
    expect(findRedirect(file, '2019/05/old-post', '', '/au-canberra/')).toEqual({ status: 301, location: '/au-canberra/vi/tin-tuc/new-slug/' })
    expect(findRedirect(file, '2019/05/old-post/', '?utm=x', '/')).toEqual({ status: 301, location: '/vi/tin-tuc/new-slug/' })
    expect(findRedirect(file, '', '?p=123&x=1', '/')).toEqual({ status: 301, location: '/en/news/' })
    expect(findRedirect(file, '', '?p=12', '/')).toBeNull()
    expect(findRedirect(file, '', '', '/')).toBeNull()
    expect(findRedirect(file, 'away', '', '/')).toEqual({ status: 302, location: 'https://example.org/x' })
    expect(findRedirect(null, 'x', '', '/')).toBeNull()
  })
})

describe('CloudFront Function (edge/cloudfront/function.js)', () => {
  const run = (source: string, host: string, uri: string) => {
    const sandbox: { handler?: (e: unknown) => { uri?: string; statusCode?: number } } = {}
    vm.runInNewContext(`${source}\nthis.handler = handler`, sandbox)
    return sandbox.handler!({ request: { uri, headers: { host: { value: host } } } })
  }
  const source = cloudFrontFunctionSource(hosts)

  it('rewrites to a bucket key the edge worker tries for the same request', () => {
    for (const [host, uri, key] of [
      ['jp-osaka.missions.example', '/en/', '/jp-osaka/en/index.html'],
      ['jp-osaka.missions.example', '/en/news', '/jp-osaka/en/news/index.html'],
      ['sites.example', '/au-canberra/vi/', '/au-canberra/vi/index.html'],
      ['sites.example', '/au-canberra/vi/tin-tuc/bai-1/', '/au-canberra/vi/tin-tuc/bai-1/index.html'],
      ['sites.example', '/au-canberra/_astro/app.abc123.css', '/au-canberra/_astro/app.abc123.css'],
      ['sites.example', '/au-canberra/sitemap.xml', '/au-canberra/sitemap.xml'],
    ] as const) {
      expect(run(source, host, uri).uri, `${host}${uri}`).toBe(key)
      const route = routeRequest(host, uri, hosts)!
      expect(fileCandidates(route.path).map((f) => `/${route.code}/${f}`)).toContain(key)
    }
  })

  it('refuses paths leaving the site', () => {
    expect(run(source, 'sites.example', '/au-canberra/%2e%2e/_deploy/x.json').statusCode).toBe(400)
  })

  it('is the committed file when generated without mission hosts (npm run generate)', () => {
    expect(readFileSync(path.join(import.meta.dirname, '../../edge/cloudfront/function.js'), 'utf8')).toBe(cloudFrontFunctionSource({}))
  })
})
