import { describe, expect, it } from 'vitest'
import { sectionSlug } from '#core/uiStrings'
import { dependsOn, dependentFiles, type ContentChange } from '../../pipeline/deploy/dependencies'
import { CACHE_IMMUTABLE, CACHE_OTHER, CACHE_PAGE, headersFor, urlsFor } from '../../pipeline/deploy/objects'
import { planDeploy } from '../../pipeline/deploy/plan'

const site = [
  'vi/index.html',
  'en/index.html',
  `vi/${sectionSlug('vi', 'news')}/index.html`,
  `vi/${sectionSlug('vi', 'news')}/bai-mot/index.html`,
  `vi/${sectionSlug('vi', 'news')}/bai-hai/index.html`,
  `vi/${sectionSlug('vi', 'cultural-diplomacy')}/index.html`,
  `vi/${sectionSlug('vi', 'cultural-diplomacy')}/van-hoa/index.html`,
  'en/news/index.html',
  'en/news/page/2/index.html',
  'en/news/article-one/index.html',
  'en/news/article-two/index.html',
  'en/rss.xml',
  'vi/rss.xml',
  'sitemap-index.xml',
  'media/abc123-640.avif',
  '_astro/app.12ab.js',
]

describe('dependency rules: what a content change re-renders', () => {
  const publishBoth: ContentChange = {
    kind: 'article',
    section: 'news',
    slugs: [
      { locale: 'vi', slug: 'bai-mot' },
      { locale: 'en', slug: 'article-one' },
    ],
  }

  it('an article in two locales touches its pages, its section listings, homes, feeds and sitemaps — not its siblings', () => {
    expect(dependentFiles(publishBoth, site).sort()).toEqual(
      [
        'vi/index.html',
        'en/index.html',
        `vi/${sectionSlug('vi', 'news')}/index.html`,
        `vi/${sectionSlug('vi', 'news')}/bai-mot/index.html`,
        'en/news/index.html',
        'en/news/page/2/index.html',
        'en/news/article-one/index.html',
        'en/rss.xml',
        'vi/rss.xml',
        'sitemap-index.xml',
      ].sort(),
    )
  })

  it('an English-only edit leaves every Vietnamese page alone', () => {
    const enOnly: ContentChange = { kind: 'article', section: 'news', slugs: [{ locale: 'en', slug: 'article-one' }] }
    expect(dependentFiles(enOnly, site).filter((f) => f.startsWith('vi/'))).toEqual([])
  })

  it('a renamed slug covers the old page (removed) and the new one', () => {
    const renamed: ContentChange = {
      kind: 'article',
      section: 'news',
      slugs: [
        { locale: 'en', slug: 'article-one' },
        { locale: 'en', slug: 'article-1' },
      ],
    }
    expect(dependsOn(renamed, 'en/news/article-one/index.html')).toBe(true)
    expect(dependsOn(renamed, 'en/news/article-1/index.html')).toBe(true)
    expect(dependsOn(renamed, 'en/news/article-two/index.html')).toBe(false)
  })

  it('hashed assets change only with images; mission settings change everything', () => {
    expect(dependsOn(publishBoth, 'media/abc123-640.avif')).toBe(false)
    expect(dependsOn({ ...publishBoth, hasImage: true } as ContentChange, 'media/abc123-640.avif')).toBe(true)
    expect(dependsOn(publishBoth, '_astro/app.12ab.js')).toBe(false)
    expect(dependentFiles({ kind: 'mission' }, site)).toEqual(site)
  })

  it('uses the localized section slug of each locale', () => {
    expect(sectionSlug('vi', 'news')).toBe('tin-tuc')
    expect(sectionSlug('en', 'news')).toBe('news')
  })
})

describe('deploy plan', () => {
  const m = (files: Record<string, string>) => ({ files: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, { sha256: v, size: 1 }])) })

  it('uploads changed and missing objects — assets before pages — and deletes what the site no longer has', () => {
    const live = m({ 'en/index.html': 'a', 'en/old/index.html': 'b', 'media/x.avif': 'c', 'en/same/index.html': 'd' })
    const desired = m({ 'en/index.html': 'A', 'media/y.avif': 'e', 'media/x.avif': 'c', 'en/same/index.html': 'd' })
    const plan = planDeploy(desired, live, ['en/index.html', 'en/old/index.html', 'en/same/index.html', 'stray.txt'])
    // media/x.avif is in the live manifest but gone from the bucket: uploaded again.
    expect(plan.assets).toEqual(['media/x.avif', 'media/y.avif'])
    expect(plan.pages).toEqual(['en/index.html'])
    expect(plan.deletes).toEqual(['en/old/index.html', 'stray.txt'])
    expect(plan.unchanged).toBe(1)
  })

  it('uploads nothing when the bucket already holds the same hashes', () => {
    const same = m({ 'en/index.html': 'a', 'media/x.avif': 'c' })
    expect(planDeploy(same, same, Object.keys(same.files))).toEqual({ assets: [], pages: [], deletes: [], unchanged: 2 })
  })

  it('uploads everything to an empty bucket', () => {
    const desired = m({ 'en/index.html': 'a', 'media/x.avif': 'c' })
    expect(planDeploy(desired, null, [])).toMatchObject({ assets: ['media/x.avif'], pages: ['en/index.html'], deletes: [] })
  })
})

describe('object headers', () => {
  it('gives pages a language, a short cache with stale-while-revalidate; hashed assets a year, immutable', () => {
    expect(headersFor('en/news/a/index.html')).toEqual({ contentType: 'text/html; charset=utf-8', contentLanguage: 'en', cacheControl: CACHE_PAGE })
    expect(headersFor('vi/rss.xml')).toMatchObject({ contentLanguage: 'vi', cacheControl: CACHE_PAGE })
    expect(headersFor('sitemap-index.xml')).toMatchObject({ contentLanguage: undefined, cacheControl: CACHE_PAGE })
    expect(headersFor('media/abc-640.webp')).toEqual({ contentType: 'image/webp', contentLanguage: undefined, cacheControl: CACHE_IMMUTABLE })
    expect(headersFor('favicon.ico').cacheControl).toBe(CACHE_OTHER)
    expect(CACHE_PAGE).toMatch(/stale-while-revalidate=\d+/)
    expect(CACHE_IMMUTABLE).toMatch(/immutable/)
  })

  it('purges a directory index under the URL readers use', () => {
    expect(urlsFor('https://vn.example.org/', 'en/news/a/index.html')).toEqual([
      'https://vn.example.org/en/news/a/',
      'https://vn.example.org/en/news/a/index.html',
    ])
    expect(urlsFor('https://vn.example.org', 'media/x.avif')).toEqual(['https://vn.example.org/media/x.avif'])
  })
})

describe('render processes', () => {
  it('spreads missions over the processes by page count, heaviest first', async () => {
    const { shardMissions } = await import('../../pipeline/plan')
    const shards = shardMissions(
      [
        { code: 'a', weight: 800 },
        { code: 'b', weight: 400 },
        { code: 'c', weight: 300 },
        { code: 'd', weight: 100 },
      ],
      2,
    )
    expect(shards).toEqual([['a'], ['b', 'c', 'd']])
    expect(shardMissions([{ code: 'only', weight: 5 }], 4)).toEqual([['only']])
  })

  it('uses one astro build for a small site and one per core for a large one, never more than missions', async () => {
    const { renderPlan } = await import('../../pipeline/plan')
    expect(renderPlan(90, 3, 2)).toEqual({ shards: 1, concurrent: 1 })
    expect(renderPlan(700, 3, 2)).toEqual({ shards: 2, concurrent: 2 })
    expect(renderPlan(19_200, 96, 4)).toEqual({ shards: 4, concurrent: 4 })
    expect(renderPlan(19_200, 1, 4)).toEqual({ shards: 1, concurrent: 1 })
  })

  it('bounds the pages one astro build holds: a large corpus gets more builds, one per core at a time', async () => {
    const { renderPlan } = await import('../../pipeline/plan')
    expect(renderPlan(19_200, 96, 2)).toEqual({ shards: 2, concurrent: 2 })
    expect(renderPlan(76_800, 96, 2)).toEqual({ shards: 8, concurrent: 2 })
  })
})
