import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import type { Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestPayload } from '../helpers/payload'
import { freePort } from '../helpers/globalSetup'
import { seed } from '../../cms/seed'
import { buildSites } from '../../pipeline/buildSites'
import { startSiteServer } from '../../site-server/server'
import { IMPORT_ACTOR_EMAIL, ImportError, runImport } from '../../import/run'
import { readSource } from '../../import/read'
import { SourceError } from '../../import/sources'
import type { ImportReport } from '../../import/report'
import { atomFeed, rssFeed, SITE, wxr, type WxrPost } from './wxr'

/**
 * The importer end to end on fixtures written here: a WordPress export with posts, a page,
 * attachments, categories, WPML and Polylang pairs, Gutenberg blocks, shortcodes and hostile
 * HTML, and an RSS and an Atom feed. Imported into a fresh database, built, and read back
 * through the built pages and the local site server's redirects.
 */
let payload: Payload
let close: () => Promise<void>
let server: Server
let base = ''
const work = mkdtempSync(path.join(os.tmpdir(), 'mp-import-'))
const sitesDir = path.join(work, 'sites')
const mediaDir = path.join(work, 'uploads')
let clashSlug = ''
let first: ImportReport

const file = (name: string, text: string) => (writeFileSync(path.join(work, name), text), path.join(work, name))

function exportPosts(): WxrPost[] {
  return [
    {
      id: 101,
      title: 'Ambassador meets &amp; greets the community',
      slug: 'ambassador-meets-community',
      date: '2019-05-14 08:30:00',
      categories: [{ slug: 'culture', name: 'Culture' }],
      meta: { _thumbnail_id: '501' },
      sticky: true,
      html: [
        '<!-- wp:paragraph --><p>The ambassador <strong>met</strong> the Vietnamese community in Canberra.</p><!-- /wp:paragraph -->',
        '<!-- wp:heading --><h2>Programme</h2><!-- /wp:heading -->',
        '<!-- wp:list --><ul><li>Welcome</li><li>Lunch</li></ul><!-- /wp:list -->',
        '<!-- wp:quote --><blockquote class="wp-block-quote"><p>Together we are stronger.</p></blockquote><!-- /wp:quote -->',
        `<!-- wp:image {"id":501} --><figure class="wp-block-image"><img src="${SITE}/wp-content/uploads/2019/05/community.png" alt="The community"/><figcaption>Guests at the embassy</figcaption></figure><!-- /wp:image -->`,
        '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc123","providerNameSlug":"youtube"} --><figure class="wp-block-embed">https://www.youtube.com/watch?v=abc123</figure><!-- /wp:embed -->',
        '<!-- wp:latest-posts {"postsToShow":3} /-->',
      ].join('\n'),
    },
    {
      id: 501,
      type: 'attachment',
      title: 'community photo',
      slug: 'community-photo',
      parent: 101,
      html: '',
      attachmentUrl: `${SITE}/wp-content/uploads/2019/05/community.png`,
      meta: { _wp_attachment_image_alt: 'Members of the community at the embassy' },
    },
    {
      id: 102,
      title: 'Consular days in Sydney',
      slug: 'consular-days-sydney',
      author: 'consul',
      excerpt: 'Consular staff will visit Sydney in June.',
      meta: { _thumbnail_id: '502' },
      html: 'First paragraph about the consular days.\n\n[gallery ids="1,2,3"]\n\n[caption id="c1"]Queue at the office[/caption] More text [sic].',
    },
    {
      id: 502,
      type: 'attachment',
      title: 'schedule',
      slug: 'schedule',
      parent: 102,
      html: '',
      attachmentUrl: `${SITE}/wp-content/uploads/2019/06/schedule.pdf`,
    },
    {
      id: 103,
      title: 'Visa notice',
      slug: 'visa-notice',
      html: `<p onclick="steal()">Read the notice.<script>alert("x")</script> <a href="javascript:alert(1)">click</a> <a href="https://example.gov/visa">official page</a></p><iframe src="https://evil.example/"></iframe><p><img src="${SITE}/wp-content/uploads/2019/07/missing.jpg" alt="Lost"></p>`,
    },
    // WPML pair (language and translation group in custom fields).
    { id: 104, title: 'Quốc khánh 2 tháng 9', slug: 'quoc-khanh-2-9', html: '<p>Lễ kỷ niệm Quốc khánh.</p>', meta: { _wpml_language: 'vi', _wpml_trid: '77' } },
    {
      id: 105,
      title: 'National Day, 2 September',
      slug: 'national-day-2-september',
      html: '<p>The National Day reception.</p>',
      meta: { _wpml_language: 'en', _wpml_trid: '77', _icl_lang_duplicate_of: '104' },
    },
    // Polylang pair, plus a French version the mission does not publish.
    {
      id: 106,
      title: 'Hội chợ Tết',
      slug: 'hoi-cho-tet',
      html: '<p>Hội chợ Tết tại Canberra.</p>',
      categories: [
        { slug: 'vi', name: 'Tiếng Việt', domain: 'language' },
        { slug: 'pll_tet', name: 'pll_tet', domain: 'post_translations' },
      ],
    },
    {
      id: 107,
      title: 'Tet fair',
      slug: 'tet-fair',
      html: '<p>The Tet fair in Canberra.</p>',
      categories: [
        { slug: 'en_AU', name: 'English', domain: 'language' },
        { slug: 'pll_tet', name: 'pll_tet', domain: 'post_translations' },
      ],
    },
    {
      id: 108,
      title: 'Foire du Têt',
      slug: 'foire-du-tet',
      html: '<p>La foire.</p>',
      categories: [
        { slug: 'fr', name: 'Français', domain: 'language' },
        { slug: 'pll_tet', name: 'pll_tet', domain: 'post_translations' },
      ],
    },
    // Not imported: draft, private, trashed; a duplicate GUID.
    { id: 109, title: 'Unfinished', slug: 'unfinished', status: 'draft', html: '<p>x</p>' },
    { id: 110, title: 'Internal', slug: 'internal', status: 'private', html: '<p>x</p>' },
    { id: 111, title: 'Deleted', slug: 'deleted', status: 'trash', html: '<p>x</p>' },
    { id: 115, title: 'Members only', slug: 'members-only', password: 'secret', html: '<p>x</p>' },
    { id: 112, title: 'Copy with the same GUID', slug: 'copy-same-guid', guid: `${SITE}/?p=101`, html: '<p>x</p>' },
    // WordPress writes non-ASCII slugs and permalinks percent-encoded.
    {
      id: 114,
      title: 'Tin tức mới',
      slug: 'tin-t%e1%bb%a9c-m%e1%bb%9bi',
      link: `${SITE}/2019/05/tin-t%e1%bb%a9c-m%e1%bb%9bi/`,
      html: '<p>Tin tức mới nhất.</p>',
    },
    // A page, and a post whose slug an article of the mission already has.
    { id: 120, type: 'page', title: 'Giới thiệu Đại sứ quán', slug: 'gioi-thieu', html: '<p>Đại sứ quán được thành lập năm 1974.</p>' },
  ]
}

async function articlesOf(code: string) {
  const mission = (await payload.find({ collection: 'missions', where: { code: { equals: code } }, overrideAccess: true })).docs[0]!
  return (
    await payload.find({ collection: 'articles', where: { missions: { in: [mission.id] } }, draft: true, pagination: false, depth: 0, overrideAccess: true })
  ).docs
}

const get = (p: string) => fetch(`${base}${p}`, { redirect: 'manual' })

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  process.env.SEED_PASSWORD ??= 'import-test-password-123'
  await seed(payload, () => {})
  mkdirSync(path.join(mediaDir, '2019', '05'), { recursive: true })
  mkdirSync(path.join(mediaDir, '2019', '06'), { recursive: true })
  await sharp({ create: { width: 640, height: 400, channels: 3, background: '#3a7' } })
    .png()
    .toFile(path.join(mediaDir, '2019', '05', 'community.png'))
  writeFileSync(path.join(mediaDir, '2019', '06', 'schedule.pdf'), '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
  const seeded = (
    await payload.find({
      collection: 'articles',
      locale: 'vi',
      where: { 'missions.code': { equals: 'au-canberra' } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]!
  clashSlug = seeded.slug!
  const posts = [...exportPosts(), { id: 113, title: 'Same slug as an existing article', slug: clashSlug, html: '<p>Clash.</p>' }]
  const exportFile = file('export.xml', wxr(posts))
  const sectionMap = { culture: 'cultural-diplomacy' }
  first = await runImport(payload, {
    mission: 'au-canberra',
    source: await readSource(exportFile, 'wordpress'),
    origin: exportFile,
    sectionMap,
    mediaDir,
    as: 'published',
    log: () => {},
  })

  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  process.env.SITE_BASE_URL = base
  try {
    await buildSites({ payload, sitesDir, missions: ['au-canberra'], log: () => {} })
  } finally {
    delete process.env.SITE_BASE_URL
  }
  server = await startSiteServer({ sitesDir, port, analytics: null })
})

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()))
  await close?.()
  rmSync(work, { recursive: true, force: true })
})

const problemsOf = (report: ImportReport, fragment: string) => report.problems.filter((p) => p.url.includes(fragment) || p.message.includes(fragment))

describe('import of a WordPress export', () => {
  it('reports what it created and skipped, per type', () => {
    expect(first.failures).toEqual([])
    // 101, 102, 103, 113, 114 and the two pairs (one article each); the page.
    expect(first.counts.post.created).toBe(7)
    expect(first.counts.page.created).toBe(1)
    const skipped = Object.keys(first.skippedBy).join('\n')
    for (const reason of ['draft', 'private', 'trashed', 'password-protected', 'duplicate GUID', 'language "fr" not published by the mission'])
      expect(skipped).toContain(reason)
    expect(first.text()).toMatch(/posts → articles\s+7\s+0\s+0/)
  })

  it('reports per item what it could not carry over, with the source URL', () => {
    expect(
      problemsOf(first, 'consular-days-sydney')
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/shortcode \[gallery\]/)
    expect(
      problemsOf(first, 'consular-days-sydney')
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/hero image not imported: .*not an accepted image/)
    const visa = problemsOf(first, 'visa-notice')
      .map((p) => p.message)
      .join('\n')
    expect(visa).toMatch(/<script>/)
    expect(visa).toMatch(/onclick handler/)
    expect(visa).toMatch(/javascript/)
    expect(visa).toMatch(/body image .*missing\.jpg not imported/) // reported, never fatal
    expect(problemsOf(first, 'foire-du-tet')[0]?.message).toMatch(/"fr", which this mission does not publish/)
    expect(
      problemsOf(first, clashSlug)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(new RegExp(`imported as "${clashSlug}-2"`))
    expect(
      problemsOf(first, 'ambassador-meets-community')
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/block "latest-posts"/)
    expect(first.problems.find((p) => p.url === 'sticky posts')?.message).toMatch(/1 sticky post\(s\) pinned in the home page's Featured block/)
  })

  it('publishes through the workflow as the named import actor, in the audit log', async () => {
    const actor = (await payload.find({ collection: 'users', where: { email: { equals: IMPORT_ACTOR_EMAIL } }, overrideAccess: true })).docs[0]!
    const events = await payload.find({
      collection: 'workflow-events',
      where: { and: [{ action: { equals: 'publish' } }, { user: { equals: actor.id } }] },
      pagination: false,
      overrideAccess: true,
    })
    expect(events.docs.length).toBe(9) // 5 single posts + 2 pairs × 2 locales
    // The actor cannot log in.
    await expect(payload.login({ collection: 'users', data: { email: IMPORT_ACTOR_EMAIL, password: 'anything-at-all-123' } })).rejects.toThrow()
  })

  it('shows the posts as articles on the built site, sanitized, in their sections and languages', () => {
    const page = (p: string) => readFileSync(path.join(sitesDir, 'au-canberra', p, 'index.html'), 'utf8')
    const ambassador = page('vi/ngoai-giao-van-hoa/ambassador-meets-community')
    expect(ambassador).toContain('Ambassador meets &amp; greets the community')
    expect(ambassador).toMatch(/<h2[^>]*>Programme<\/h2>/)
    expect(ambassador).toContain('Together we are stronger.')
    expect(ambassador).toContain('href="https://www.youtube.com/watch?v=abc123"')
    expect(ambassador).toContain('Members of the community at the embassy') // hero alt from the attachment
    // The Gutenberg image block stays in the body, as the media library's image (one upload for hero and body).
    const figure = /<figure class="body-image"><img src="(\/au-canberra\/media\/[^"]+)"[^>]*alt="([^"]*)"/.exec(ambassador)
    expect(figure?.[2]).toBe('Members of the community at the embassy')
    expect(existsSync(path.join(sitesDir, figure![1]!))).toBe(true)
    expect(ambassador).toContain('Guests at the embassy') // its caption, kept as a paragraph
    const visa = page('vi/tin-tuc/visa-notice')
    expect(visa).not.toMatch(/alert\(|steal\(|evil\.example|javascript:/)
    expect(visa).toContain('href="https://example.gov/visa"')
    expect(page('vi/tin-tuc/consular-days-sydney')).toContain('Consular staff will visit Sydney in June.')
    // Pairs: one article in two locales.
    expect(page('vi/tin-tuc/quoc-khanh-2-9')).toContain('Lễ kỷ niệm Quốc khánh.')
    expect(page('en/news/national-day-2-september')).toContain('The National Day reception.')
    expect(page('en/news/tet-fair')).toContain('The Tet fair in Canberra.')
    expect(page(`vi/tin-tuc/${clashSlug}-2`)).toContain('Clash.')
    expect(page('vi/info/gioi-thieu')).toContain('Đại sứ quán được thành lập năm 1974.')
    // The sticky post is pinned in the home page's Featured block.
    expect(readFileSync(path.join(sitesDir, 'au-canberra', 'vi', 'index.html'), 'utf8')).toContain('Ambassador meets &amp; greets the community')
  })

  it('keeps the old authors as bylines: under the title and as the NewsArticle author', () => {
    const page = (p: string) => readFileSync(path.join(sitesDir, 'au-canberra', p, 'index.html'), 'utf8')
    const ldAuthor = (html: string) => {
      const ld = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!))
      return ld.find((d) => d['@type'] === 'NewsArticle')?.author
    }
    // WXR dc:creator is the login; the byline is that author's display name.
    const consular = page('vi/tin-tuc/consular-days-sydney')
    expect(consular).toMatch(/<h1>Consular days in Sydney<\/h1>\s*<p class="meta article-byline">Tác giả: Consular Section<\/p>/)
    expect(ldAuthor(consular)).toEqual({ '@type': 'Person', name: 'Consular Section' })
    expect(page('vi/tin-tuc/visa-notice')).toContain('Tác giả: Press Office')
    // A pair has one byline, shown in both languages.
    expect(page('en/news/national-day-2-september')).toContain('By Press Office')
  })

  it('answers old URLs with 301 to the new pages on the local site server', async () => {
    const cases: [string, string][] = [
      ['/au-canberra/2019/05/ambassador-meets-community/', '/au-canberra/vi/ngoai-giao-van-hoa/ambassador-meets-community/'],
      ['/au-canberra/2019/05/ambassador-meets-community', '/au-canberra/vi/ngoai-giao-van-hoa/ambassador-meets-community/'],
      ['/au-canberra/?p=101', '/au-canberra/vi/ngoai-giao-van-hoa/ambassador-meets-community/'],
      ['/au-canberra/?attachment_id=501', '/au-canberra/vi/ngoai-giao-van-hoa/ambassador-meets-community/'],
      ['/au-canberra/2019/05/national-day-2-september/', '/au-canberra/en/news/national-day-2-september/'],
      ['/au-canberra/gioi-thieu/', '/au-canberra/vi/info/gioi-thieu/'],
      ['/au-canberra/2019/05/tin-t%E1%BB%A9c-m%E1%BB%9Bi/', '/au-canberra/vi/tin-tuc/tin-tuc-moi/'],
      ['/au-canberra/category/culture/feed/', '/au-canberra/vi/ngoai-giao-van-hoa/rss.xml'],
    ]
    for (const [from, to] of cases) {
      const res = await get(from)
      expect(res.status, from).toBe(301)
      expect(res.headers.get('location'), from).toBe(to)
      expect((await get(to)).status, to).toBe(200)
    }
    expect((await get('/au-canberra/2019/05/no-such-post/')).status).toBe(404)
    const file = JSON.parse(readFileSync(path.join(sitesDir, 'au-canberra', '_redirects.json'), 'utf8'))
    expect(file.redirects).toContainEqual({ from: '/?p=101', to: '/vi/ngoai-giao-van-hoa/ambassador-meets-community/', status: 301 })
  })

  it('creates nothing twice when run again, and updates what changed', async () => {
    const before = (await articlesOf('au-canberra')).length
    const posts = exportPosts().map((p) => (p.id === 103 ? { ...p, html: '<p>Read the updated notice.</p>', modified: '2020-01-01 10:00:00' } : p))
    const again = file('export-2.xml', wxr([...posts, { id: 113, title: 'Same slug as an existing article', slug: clashSlug, html: '<p>Clash.</p>' }]))
    const second = await runImport(payload, {
      mission: 'au-canberra',
      source: await readSource(again, 'wordpress'),
      origin: again,
      sectionMap: { culture: 'cultural-diplomacy' },
      mediaDir,
      as: 'published',
      log: () => {},
    })
    expect(second.failures).toEqual([])
    expect(second.counts.post).toMatchObject({ created: 0, updated: 1, unchanged: 6 })
    expect(second.counts.page).toMatchObject({ created: 0, unchanged: 1 })
    expect(second.counts.redirect.created).toBe(0)
    expect((await articlesOf('au-canberra')).length).toBe(before)
    const visa = (await payload.find({ collection: 'articles', locale: 'vi', where: { slug: { equals: 'visa-notice' } }, overrideAccess: false, depth: 0 }))
      .docs[0]!
    expect(JSON.stringify(visa.body)).toContain('Read the updated notice.')
  })

  it('writes nothing on a dry run', async () => {
    const exportFile = path.join(work, 'export.xml')
    const before = {
      articles: (await articlesOf('jp-osaka')).length,
      redirects: (await payload.count({ collection: 'redirects', overrideAccess: true })).totalDocs,
      media: (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs,
    }
    const dry = await runImport(payload, {
      mission: 'jp-osaka',
      source: await readSource(exportFile, 'wordpress'),
      origin: exportFile,
      mediaDir,
      as: 'published',
      dryRun: true,
      log: () => {},
    })
    expect(dry.counts.post.created).toBeGreaterThan(0)
    expect(dry.text()).toMatch(/^DRY RUN/)
    expect((await articlesOf('jp-osaka')).length).toBe(before.articles)
    expect((await payload.count({ collection: 'redirects', overrideAccess: true })).totalDocs).toBe(before.redirects)
    expect((await payload.count({ collection: 'media', overrideAccess: true })).totalDocs).toBe(before.media)
  })

  it('keeps the old URL of a published article whose slug changes', async () => {
    const { runTransition } = await import('../../cms/workflow/transition')
    const { systemActor } = await import('../../cms/workflow/verb')
    const { createLocalReq } = await import('payload')
    const doc = (
      await payload.find({ collection: 'articles', locale: 'vi', where: { slug: { equals: 'consular-days-sydney' } }, overrideAccess: true, depth: 0 })
    ).docs[0]!
    await payload.update({
      collection: 'articles',
      id: doc.id,
      locale: 'vi',
      draft: true,
      data: { slug: 'consular-days-sydney-2027', workflow: { state: 'draft' } } as never,
      overrideAccess: true,
      context: { skipRebuild: true },
    })
    const req = await createLocalReq({}, payload)
    for (const action of ['submit', 'publish'])
      expect((await runTransition(req, doc.id, { locale: 'vi', action }, { actor: systemActor('importer') })).status).toBe(200)
    // A page published under a new slug keeps its old address too.
    const page = (await payload.find({ collection: 'pages', locale: 'vi', where: { slug: { equals: 'gioi-thieu' } }, overrideAccess: true, depth: 0 })).docs[0]!
    await payload.update({
      collection: 'pages',
      id: page.id,
      locale: 'vi',
      data: { slug: 'lich-su-dai-su-quan', _status: 'published' },
      overrideAccess: true,
      context: { skipRebuild: true },
    })
    process.env.SITE_BASE_URL = base
    try {
      await buildSites({ payload, sitesDir, missions: ['au-canberra'], log: () => {} })
    } finally {
      delete process.env.SITE_BASE_URL
    }
    const res = await get('/au-canberra/vi/tin-tuc/consular-days-sydney/')
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/au-canberra/vi/tin-tuc/consular-days-sydney-2027/')
    expect((await get('/au-canberra/vi/info/gioi-thieu/')).headers.get('location')).toBe('/au-canberra/vi/info/lich-su-dai-su-quan/')
    expect((await get('/au-canberra/gioi-thieu/')).headers.get('location')).toBe('/au-canberra/vi/info/lich-su-dai-su-quan/')
    // The redirects imported for the old WordPress URL follow the document to its new slug.
    expect((await get('/au-canberra/?p=102')).headers.get('location')).toBe('/au-canberra/vi/tin-tuc/consular-days-sydney-2027/')
  })
})

describe('redirects in the CMS', () => {
  const userOf = async (email: string) =>
    (await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })).docs[0]!
  const missionId = async (code: string) =>
    (await payload.find({ collection: 'missions', where: { code: { equals: code } }, overrideAccess: true })).docs[0]!.id

  it('are read by staff of their mission only, never by readers', async () => {
    await expect(payload.find({ collection: 'redirects', overrideAccess: false })).rejects.toThrow() // Forbidden: readers get the built file only
    const osakaStaff = await payload.find({
      collection: 'redirects',
      overrideAccess: false,
      user: await userOf('press.jp-osaka@example.org'),
      pagination: false,
    })
    const canberra = await missionId('au-canberra')
    expect(osakaStaff.docs.some((r) => (typeof r.mission === 'object' ? r.mission.id : r.mission) === canberra)).toBe(false)
    const canberraStaff = await payload.find({
      collection: 'redirects',
      overrideAccess: false,
      user: await userOf('press.au-canberra@example.org'),
      pagination: false,
    })
    expect(canberraStaff.docs.length).toBeGreaterThan(0)
  })

  it('are edited by HQ and the mission admins, for their own mission only', async () => {
    const canberra = await missionId('au-canberra')
    const data = { from: '/old-contact/', mission: canberra, to: { type: 'custom' as const, url: '/vi/info/gioi-thieu/' }, type: '301' as const }
    await expect(
      payload.create({ collection: 'redirects', data, overrideAccess: false, user: await userOf('press.au-canberra@example.org') }),
    ).rejects.toThrow()
    await expect(payload.create({ collection: 'redirects', data, overrideAccess: false, user: await userOf('admin.jp-osaka@example.org') })).rejects.toThrow(
      /only of the missions you administer/,
    )
    const made = await payload.create({ collection: 'redirects', data, overrideAccess: false, user: await userOf('admin.au-canberra@example.org') })
    expect(made.from).toBe('/old-contact/')
    // One old address, one redirect per mission; only paths inside the site.
    await expect(payload.create({ collection: 'redirects', data, overrideAccess: false, user: await userOf('hq.admin@example.org') })).rejects.toThrow()
    await expect(payload.create({ collection: 'redirects', data: { ...data, from: 'https://evil.example/' }, overrideAccess: true })).rejects.toThrow()
    await expect(
      payload.create({ collection: 'redirects', data: { ...data, from: '/x/', to: { type: 'custom', url: '//evil.example/' } }, overrideAccess: true }),
    ).rejects.toThrow()
  })
})

describe('import of feeds', () => {
  it('imports an RSS 2.0 and an Atom feed as articles, with redirects from their links', async () => {
    const rss = file(
      'feed.xml',
      rssFeed([
        {
          guid: `${SITE}/?p=900`,
          title: 'Feed item one',
          link: `${SITE}/2020/01/feed-item-one/`,
          html: '<p>Body one.</p>',
          date: '2020-01-02T10:00:00Z',
          author: 'press@old-embassy.example (Nguyễn Văn An)',
        },
        {
          guid: `${SITE}/?p=901`,
          title: 'Feed item one',
          link: `${SITE}/2020/01/feed-item-one-again/`,
          html: '<p>Same title.</p>',
          date: '2020-01-03T10:00:00Z',
        },
      ]),
    )
    const r1 = await runImport(payload, { mission: 'jp-osaka', source: await readSource(rss, 'feed'), origin: rss, as: 'draft', log: () => {} })
    expect(r1.failures).toEqual([])
    expect(r1.counts.post.created).toBe(2)
    expect(r1.problems.map((p) => p.message).join('\n')).toMatch(/imported as "feed-item-one-2"/)
    const bylineOf = async (slug: string) =>
      (await payload.find({ collection: 'articles', locale: 'vi', draft: true, where: { slug: { equals: slug } }, overrideAccess: true, depth: 0 })).docs[0]
        ?.byline
    expect(await bylineOf('feed-item-one')).toBe('Nguyễn Văn An') // RSS <author>: the name, not the address
    expect(await bylineOf('feed-item-one-2')).toBe('Press') // dc:creator
    const atom = file(
      'atom.xml',
      atomFeed([
        {
          id: 'tag:old-embassy.example,2021:1',
          title: 'Atom entry',
          link: `${SITE}/2021/03/atom-entry/`,
          html: '<p>Atom <em>body</em>.</p>',
          date: '2021-03-04T05:06:07Z',
          author: 'Cultural Office',
        },
      ]),
    )
    const r2 = await runImport(payload, { mission: 'jp-osaka', source: await readSource(atom, 'feed'), origin: atom, as: 'draft', log: () => {} })
    expect(r2.counts.post.created).toBe(1)
    const entry = (
      await payload.find({ collection: 'articles', locale: 'vi', draft: true, where: { slug: { equals: 'atom-entry' } }, overrideAccess: true, depth: 0 })
    ).docs[0]!
    expect(entry.publishedAt).toBe('2021-03-04T05:06:07.000Z')
    expect(entry.byline).toBe('Cultural Office') // Atom author/name
    expect(entry.workflow?.state ?? 'draft').toBe('draft')
    const again = await runImport(payload, { mission: 'jp-osaka', source: await readSource(atom, 'feed'), origin: atom, as: 'draft', log: () => {} })
    expect(again.counts.post).toMatchObject({ created: 0, unchanged: 1 })
  })
})

describe('bad input', () => {
  it('refuses malformed or truncated XML, naming the line', async () => {
    const whole = wxr(exportPosts())
    const truncated = file('truncated.xml', whole.slice(0, Math.floor(whole.length / 2)))
    await expect(readSource(truncated, 'wordpress')).rejects.toThrow(/not well-formed XML \(line \d+, column \d+.*truncated/s)
    await expect(readSource(file('garbage.xml', '<rss><channel><item></channel></rss>'), 'wordpress')).rejects.toBeInstanceOf(SourceError)
  })

  it('refuses an HTML page given as a feed, and a feed given as an export', async () => {
    await expect(readSource(file('page.html', '<!doctype html><html><head><title>Embassy</title></head><body>News</body></html>'), 'feed')).rejects.toThrow(
      /HTML page, not a feed/,
    )
    await expect(readSource(file('feed2.xml', rssFeed([])), 'wordpress')).rejects.toThrow(/not a WordPress export; import it with --feed/)
    await expect(readSource(path.join(work, 'missing.xml'), 'wordpress')).rejects.toThrow(/no such file/)
  })

  it('refuses an unknown mission, naming the known ones, and writes nothing', async () => {
    const before = (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
    const exportFile = path.join(work, 'export.xml')
    await expect(
      runImport(payload, { mission: 'xx-nowhere', source: await readSource(exportFile, 'wordpress'), origin: exportFile, as: 'draft', log: () => {} }),
    ).rejects.toThrow(/Unknown mission "xx-nowhere"\. Known missions: .*au-canberra/)
    await expect(
      runImport(payload, {
        mission: 'jp-osaka',
        locale: 'ar',
        source: await readSource(exportFile, 'wordpress'),
        origin: exportFile,
        as: 'draft',
        log: () => {},
      }),
    ).rejects.toBeInstanceOf(ImportError)
    expect((await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('saves the report as JSON', () => {
    const saved = first.save(path.join(work, 'reports'))
    expect(existsSync(saved)).toBe(true)
    const json = JSON.parse(readFileSync(saved, 'utf8'))
    expect(json.counts.post.created).toBe(7)
    expect(json.problems.length).toBeGreaterThan(0)
  })
})
