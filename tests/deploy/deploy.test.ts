import { createServer, request, type Server } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { startLocalS3 } from '../../bench/localS3'
import { paragraphs } from '../../cms/seed/lexical'
import { demoImage } from '../../media/seedImages'
import { buildSites } from '../../pipeline/buildSites'
import { buildAndDeploy } from '../../pipeline/deploy/buildAndDeploy'
import { HttpPurger } from '../../pipeline/deploy/cdn'
import { deployMission, type DeployOptions } from '../../pipeline/deploy/deployMission'
import { sectionSlug } from '#core/uiStrings'
import { dependentFiles } from '../../pipeline/deploy/dependencies'
import { CACHE_IMMUTABLE, CACHE_PAGE } from '../../pipeline/deploy/objects'
import { ContentStore } from '../../pipeline/deploy/store'
import { createTestPayload } from '../helpers/payload'
import { createMission } from '../helpers/fixtures'

/**
 * Deploys real Astro builds to a real S3-compatible server (s3rver) on loopback, with a real
 * HTTP purge endpoint, and checks what a reader of the bucket/CDN would get.
 */
let payload: Payload
let close: () => Promise<void>
let s3: Awaited<ReturnType<typeof startLocalS3>>
let client: S3Client
let purgeServer: Server
const purged: string[] = []
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mp-deploy-'))
const sitesDir = path.join(tmp, 'sites')
const store = new ContentStore(path.join(tmp, 'store'))
const system = { overrideAccess: true } as const
const code = 'dep-hanoi'
let missionId: number
let otherMissionId: number
let articleA: number
let articleB: number
const quiet = () => {}

const deploy = (extra: Partial<DeployOptions> = {}) =>
  deployMission({
    payload,
    mission: code,
    trigger: 'test',
    s3: s3.config,
    sitesDir,
    store,
    purger: new HttpPurger(purgeUrl()),
    allowLoopbackUrls: true,
    log: quiet,
    ...extra,
  })
const build = (missions = [code]) => buildSites({ payload, missions, sitesDir, log: quiet })
const purgeUrl = () => `http://127.0.0.1:${(purgeServer.address() as { port: number }).port}/`
const key = (file: string) => `${code}/${file}`
const getText = async (file: string) =>
  (await client.send(new GetObjectCommand({ Bucket: s3.config.bucket, Key: key(file) })).then((r) => r.Body!.transformToString())) as string
const exists = (file: string) =>
  client.send(new HeadObjectCommand({ Bucket: s3.config.bucket, Key: key(file) })).then(
    () => true,
    () => false,
  )
const record = (id: number) => payload.findByID({ collection: 'deployments', id, depth: 0, ...system })
const liveManifest = async () =>
  JSON.parse(await client.send(new GetObjectCommand({ Bucket: s3.config.bucket, Key: `_deploy/${code}.json` })).then((r) => r.Body!.transformToString())) as {
    deploymentId: number
    files: Record<string, { sha256: string }>
  }

const newsVi = sectionSlug('vi', 'news')
const cultureVi = sectionSlug('vi', 'cultural-diplomacy')

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  s3 = await startLocalS3()
  client = new S3Client({
    endpoint: s3.config.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  purgeServer = createServer((req, res) => {
    if (req.method === 'PURGE') purged.push(req.url!)
    res.end('ok')
  })
  await new Promise<void>((r) => purgeServer.listen(0, '127.0.0.1', r))

  const mk = async (c: string) => (await createMission(payload, c, { name: `Cơ quan ${c}` })).id
  missionId = await mk(code)
  otherMissionId = await mk('dep-osaka')
  await payload.update({ collection: 'missions', id: missionId, locale: 'en', data: { name: 'Deploy Test', city: 'Canberra' }, ...system })
  await payload.update({ collection: 'missions', id: otherMissionId, locale: 'en', data: { name: 'Other', city: 'Osaka' }, ...system })

  const image = await payload.create({
    collection: 'media',
    data: { alt: 'Ảnh' },
    file: { data: await demoImage(1, 800, 500), mimetype: 'image/jpeg', name: 'hero.jpg', size: 0 },
    ...system,
  })
  const a = await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: {
      title: 'Tin tức một',
      summary: 'Tóm tắt',
      body: paragraphs(['Nội dung.']),
      section: 'news',
      missions: [missionId],
      heroImage: image.id,
      _status: 'published',
    },
    context: { skipRebuild: true },
    ...system,
  })
  articleA = a.id
  await payload.update({
    collection: 'articles',
    id: articleA,
    locale: 'en',
    data: { title: 'News one', summary: 'Summary', body: paragraphs(['Body.']), _status: 'published' },
    context: { skipRebuild: true },
    ...system,
  })
  const b = await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: { title: 'Văn hóa hai', section: 'cultural-diplomacy', missions: [missionId], _status: 'published' },
    context: { skipRebuild: true },
    ...system,
  })
  articleB = b.id
  await build([code, 'dep-osaka'])
})

afterAll(async () => {
  await s3?.dispose()
  purgeServer?.close()
  await close?.()
  rmSync(tmp, { recursive: true, force: true })
})

describe('deploy to S3-compatible storage', () => {
  let first: number
  let files: string[]

  it('uploads the whole site on the first deploy, with content types, languages and cache headers', async () => {
    const r = await deploy()
    first = r.deploymentId
    files = Object.keys((await liveManifest()).files)
    expect(r.uploaded.sort()).toEqual(files.sort())
    expect(files).toContain(`en/news/news-one/index.html`)
    expect(await getText(`vi/${newsVi}/tin-tuc-mot/index.html`)).toContain('Tin tức một')

    const page = await client.send(new HeadObjectCommand({ Bucket: s3.config.bucket, Key: key('en/news/news-one/index.html') }))
    expect(page.ContentType).toBe('text/html; charset=utf-8')
    expect(page.ContentLanguage).toBe('en')
    expect(page.CacheControl).toBe(CACHE_PAGE)
    expect(page.CacheControl).toContain('stale-while-revalidate')
    const vi = await client.send(new HeadObjectCommand({ Bucket: s3.config.bucket, Key: key('vi/index.html') }))
    expect(vi.ContentLanguage).toBe('vi')
    const media = files.filter((f) => f.startsWith('media/'))
    expect(media.some((f) => f.endsWith('.avif'))).toBe(true)
    const img = await client.send(new HeadObjectCommand({ Bucket: s3.config.bucket, Key: key(media.find((f) => f.endsWith('.avif'))!) }))
    expect(img.ContentType).toBe('image/avif')
    expect(img.CacheControl).toBe(CACHE_IMMUTABLE)
    expect(img.ContentLanguage).toBeUndefined()

    const rec = await record(first)
    expect(rec.status).toBe('succeeded')
    expect(rec.objectsUploaded).toBe(files.length)
    expect(rec.bytesUploaded).toBeGreaterThan(0)
    expect(rec.timings?.uploadPages).toBeGreaterThanOrEqual(0)
    expect(Object.keys((rec.manifest as { files: object }).files)).toHaveLength(files.length)
  })

  it('uploads, deletes and purges nothing when nothing changed', async () => {
    await build()
    purged.length = 0
    const r = await deploy()
    expect(r.uploaded).toEqual([])
    expect(r.deleted).toEqual([])
    expect(r.unchanged).toBe(files.length)
    expect(purged).toEqual([])
    expect((await record(r.deploymentId)).objectsUploaded).toBe(0)
  })

  it('uploads only the pages that depend on a changed article, and purges exactly their URLs', async () => {
    await payload.update({
      collection: 'articles',
      id: articleA,
      locale: 'en',
      data: { title: 'News one, revised' },
      context: { skipRebuild: true },
      ...system,
    })
    await build()
    purged.length = 0
    const r = await deploy()
    // Public in vi and en: the vi page links the new English slug (switcher, hreflang).
    const change = {
      kind: 'article' as const,
      section: 'news',
      slugs: [
        { locale: 'en', slug: 'news-one' },
        { locale: 'en', slug: 'news-one-revised' },
        { locale: 'vi', slug: 'tin-tuc-mot' },
      ],
    }
    const allowed = dependentFiles(change, [...files, ...r.uploaded])
    expect(r.uploaded.length).toBeGreaterThan(0)
    expect(r.uploaded.length).toBeLessThan(files.length / 3)
    expect(r.uploaded.filter((f) => !allowed.includes(f))).toEqual([])
    expect(r.uploaded.some((f) => f.startsWith('en/news/') && f.endsWith('/index.html') && f !== 'en/news/index.html')).toBe(true)
    // Other Vietnamese pages and the other section are untouched; the article's vi page only gets its new links.
    expect(r.uploaded.filter((f) => (f.startsWith('vi/') && f !== `vi/${newsVi}/tin-tuc-mot/index.html`) || f.includes(cultureVi))).toEqual([])
    expect(await getText('en/news/index.html')).toContain('News one, revised')
    // Purged: the changed URLs as readers request them, nothing else.
    expect(purged.length).toBeGreaterThan(0)
    // Besides English pages: the sitemaps (alternates) and the vi article page (its links to the new English slug).
    const outsideEnglish = purged.filter((u) => !u.startsWith(`/${code}/en/`))
    expect(outsideEnglish.every((u) => /^\/[^/]+\/sitemap(-\w+)?\.xml$/.test(u) || u.startsWith(`/${code}/vi/${newsVi}/tin-tuc-mot/`))).toBe(true)
    expect(purged).toContain(`/${code}/en/news/`)
    files = Object.keys((await liveManifest()).files)
  })

  it('deletes the pages of an unpublished article after uploading the pages that linked it', async () => {
    const bPage = `vi/${cultureVi}/van-hoa-hai/index.html`
    expect(await exists(bPage)).toBe(true)
    await payload.update({ collection: 'articles', id: articleB, data: { _status: 'draft' }, context: { skipRebuild: true }, ...system })
    await build()
    const r = await deploy()
    expect(r.deleted).toContain(bPage)
    expect(await exists(bPage)).toBe(false)
    expect(await getText(`vi/${cultureVi}/index.html`)).not.toContain('Văn hóa hai')
    expect((await record(r.deploymentId)).objectsDeleted).toBe(r.deleted.length)
  })

  it('rolls back to the exact file set of an earlier deployment', async () => {
    const before = (await liveManifest()).deploymentId
    const r = await deploy({ rollbackTo: first, trigger: 'test rollback' })
    expect(await getText('en/news/index.html')).not.toContain('revised')
    expect(await exists(`vi/${cultureVi}/van-hoa-hai/index.html`)).toBe(true)
    const live = await liveManifest()
    expect(Object.keys(live.files).sort()).toEqual(Object.keys(((await record(first)).manifest as { files: object }).files).sort())
    expect(live.deploymentId).toBe(r.deploymentId)
    const rec = await record(r.deploymentId)
    expect(rec.status).toBe('succeeded')
    expect(rec.rollbackOf).toBe(first)
    expect((await record(before)).status).toBe('rolled-back')
    await expect(deploy({ rollbackTo: 999999 })).rejects.toThrow(/no deployment #999999/)
  })

  it('prunes the rollback store to the last deployments of each mission; older ones can no longer be restored', async () => {
    const { pruneContentStore } = await import('../../pipeline/deploy/prune')
    const live = await liveManifest()
    await expect(pruneContentStore(payload, { keep: 0, store })).rejects.toThrow(/at least 1/)
    const result = await pruneContentStore(payload, { keep: 1, store, graceMs: 0 })
    expect(result.filesRemoved).toBeGreaterThan(0)
    // The live deployment's files are all still there, so it can be redeployed or restored…
    for (const e of Object.values(live.files)) expect(store.has(e.sha256), e.sha256).toBe(true)
    // …while restoring the deployment rolled back above (its revised pages are nowhere else) is refused, saying why.
    const older = (
      await payload.find({
        collection: 'deployments',
        where: { and: [{ mission: { equals: missionId } }, { status: { equals: 'rolled-back' } }] },
        sort: '-startedAt',
        limit: 1,
        ...system,
      })
    ).docs[0]!
    await expect(deploy({ rollbackTo: older.id })).rejects.toThrow(new RegExp(`Deployment #${older.id} cannot be restored: \\d+ file\\(s\\) are missing`))
    expect((await liveManifest()).deploymentId).toBe(live.deploymentId)
  })

  it('keeps the previous deployment live and whole when the server goes away mid-upload, and a retry succeeds', async () => {
    const previous = await liveManifest()
    await payload.update({ collection: 'articles', id: articleA, locale: 'vi', data: { title: 'Tin tức một, sửa' }, context: { skipRebuild: true }, ...system })
    await build()
    let uploads = 0
    const failed = deploy({
      concurrency: 1,
      onUploaded: async () => {
        if (++uploads === 1) await s3.stop()
      },
    })
    await expect(failed).rejects.toThrow(/dep-hanoi failed \(deployment #\d+\): upload of .* failed/)
    const rec = (await payload.find({ collection: 'deployments', sort: '-id', limit: 1, ...system })).docs[0]!
    expect(rec.status).toBe('failed')
    expect(rec.error).toMatch(/upload of/)
    expect(rec.finishedAt).toBeTruthy()

    await s3.restart()
    // The pointer still names the previous deployment and every one of its objects is there.
    expect((await liveManifest()).deploymentId).toBe(previous.deploymentId)
    for (const f of Object.keys(previous.files)) expect(await exists(f), f).toBe(true)

    const retry = await deploy({ trigger: 'retry' })
    expect((await record(retry.deploymentId)).status).toBe('succeeded')
    expect(await getText('vi/index.html')).toContain('Tin tức một, sửa')
    expect((await liveManifest()).deploymentId).toBe(retry.deploymentId)
  })

  it('fails cleanly when the storage answers 500 mid-deploy, keeps the previous deployment, and a retry succeeds', async () => {
    // A real HTTP proxy in front of s3rver that starts answering 500 to uploads on demand.
    let failUploads = false
    const proxy = createServer((req, res) => {
      if (failUploads && req.method === 'PUT') {
        res.writeHead(500, { 'Content-Type': 'application/xml' })
        res.end('<?xml version="1.0"?><Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>')
        return
      }
      const upstream = request({ host: '127.0.0.1', port: s3.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode!, up.headers)
        up.pipe(res)
      })
      req.pipe(upstream)
    })
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r))
    const viaProxy = { ...s3.config, endpoint: `http://127.0.0.1:${(proxy.address() as { port: number }).port}` }
    try {
      const previous = await liveManifest()
      await payload.update({
        collection: 'articles',
        id: articleA,
        locale: 'en',
        data: { title: 'News one, third edit' },
        context: { skipRebuild: true },
        ...system,
      })
      await build()
      let uploads = 0
      await expect(
        deploy({
          s3: viaProxy,
          concurrency: 1,
          onUploaded: () => {
            if (++uploads === 1) failUploads = true
          },
        }),
      ).rejects.toThrow(/upload of .* failed: .*internal error/i)
      const rec = (await payload.find({ collection: 'deployments', sort: '-id', limit: 1, ...system })).docs[0]!
      expect(rec.status).toBe('failed')
      expect(rec.error).toMatch(/internal error/i)
      expect((await liveManifest()).deploymentId).toBe(previous.deploymentId)
      for (const f of Object.keys(previous.files)) expect(await exists(f), f).toBe(true)

      failUploads = false
      const retry = await deploy({ s3: viaProxy })
      expect((await record(retry.deploymentId)).status).toBe('succeeded')
      expect(await getText('en/news/index.html')).toContain('News one, third edit')
    } finally {
      proxy.closeAllConnections()
      proxy.close()
    }
  })

  it('marks a deployment left "running" by a killed process as failed on the next run', async () => {
    const stuck = await payload.create({
      collection: 'deployments',
      data: { mission: missionId, trigger: 'killed', status: 'running', runner: `${os.hostname()}:999999999`, startedAt: new Date().toISOString() },
      ...system,
    })
    await deploy()
    const after = await record(stuck.id)
    expect(after.status).toBe('failed')
    expect(after.error).toMatch(/stopped before finishing/)
  })

  it('fails only the mission with a broken article, naming it; other missions still deploy', async () => {
    const image = await payload.create({
      collection: 'media',
      data: { alt: 'Ảnh hỏng' },
      file: { data: await demoImage(2, 800, 500), mimetype: 'image/jpeg', name: 'broken.jpg', size: 0 },
      ...system,
    })
    const { mediaDir } = await import('#core/config')
    rmSync(path.join(mediaDir, image.filename!), { force: true })
    await payload.create({
      collection: 'articles',
      locale: 'vi',
      data: { title: 'Bài có ảnh hỏng', section: 'news', missions: [otherMissionId], heroImage: image.id, _status: 'published' },
      context: { skipRebuild: true },
      ...system,
    })
    const liveBefore = await liveManifest()
    const outcomes = await buildAndDeploy({
      payload,
      missions: [code, 'dep-osaka'],
      trigger: 'test',
      s3: s3.config,
      purger: new HttpPurger(purgeUrl()),
      sitesDir,
      allowLoopbackUrls: true,
      log: quiet,
    })
    const osaka = outcomes.find((o) => o.mission === 'dep-osaka')!
    expect(osaka.ok).toBe(false)
    expect(!osaka.ok && osaka.error).toMatch(/Article #\d+ "Bài có ảnh hỏng"/)
    expect(outcomes.find((o) => o.mission === code)!.ok).toBe(true)
    const rec = (await payload.find({ collection: 'deployments', where: { mission: { equals: otherMissionId } }, sort: '-id', limit: 1, ...system })).docs[0]!
    expect(rec.status).toBe('failed')
    expect(rec.error).toMatch(/Bài có ảnh hỏng/)
    expect((await liveManifest()).files).toEqual(liveBefore.files)
  })

  it('shows deployments to HQ and the mission staff only', async () => {
    const mkUser = (email: string, data: object) =>
      payload.create({ collection: 'users', data: { email, password: 'correct-horse-battery', name: email, ...data } as never, ...system })
    const hq = await mkUser('hq@example.org', { hqRole: 'hq-editor' })
    const own = await mkUser('press@example.org', { memberships: [{ mission: missionId, role: 'press-officer' }] })
    const other = await mkUser('other@example.org', { memberships: [{ mission: otherMissionId, role: 'press-officer' }] })
    const count = async (user?: object) =>
      (await payload.find({ collection: 'deployments', where: { mission: { equals: missionId } }, overrideAccess: false, user: user as never })).totalDocs
    const total = (await payload.find({ collection: 'deployments', where: { mission: { equals: missionId } }, ...system })).totalDocs
    expect(total).toBeGreaterThan(3)
    expect(await count({ ...hq, collection: 'users' })).toBe(total)
    expect(await count({ ...own, collection: 'users' })).toBe(total)
    expect(await count({ ...other, collection: 'users' })).toBe(0)
    await expect(count(undefined)).rejects.toThrow()
  })
})
