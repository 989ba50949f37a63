import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalS3 } from '../../bench/localS3'
import { paragraphs } from '../../cms/seed/lexical'
import { deriveImage } from '../../media/derivatives'
import { demoImage } from '../../media/seedImages'
import { buildSites } from '../../pipeline/buildSites'
import { deployMission } from '../../pipeline/deploy/deployMission'
import { sectionSlug } from '#core/uiStrings'
import { pruneContentStore } from '../../pipeline/deploy/prune'
import { BucketContentStore } from '../../pipeline/deploy/store'
import { SharedObjects, sharedBucketFromEnv } from '../../pipeline/sharedBucket'
import { createMission } from '../helpers/fixtures'
import { createTestPayload } from '../helpers/payload'

/**
 * The shared state of several workers in a real S3-compatible server: image derivatives encoded
 * once and downloaded by a worker with an empty disk; the rollback store as content-addressed
 * objects, so a worker that never built a deployment can restore it by server-side copies.
 */
let payload: Payload
let close: () => Promise<void>
let s3: Awaited<ReturnType<typeof startLocalS3>>
let client: S3Client
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mp-shared-'))
const system = { overrideAccess: true } as const
const code = 'shr-dakar'
const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  S3_MEDIA_BUCKET: 'shared-private',
  S3_ENDPOINT: s3.config.endpoint,
  S3_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
})
const page = async () =>
  (await client.send(new GetObjectCommand({ Bucket: s3.config.bucket, Key: `${code}/vi/${sectionSlug('vi', 'news')}/tin-chung/index.html` })))
    .Body!.transformToString()
    .then((html) => /<h1[^>]*>([^<]*)</.exec(html)?.[1])

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  s3 = await startLocalS3('shared-sites')
  client = new S3Client({
    endpoint: s3.config.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  await client.send(new CreateBucketCommand({ Bucket: 'shared-private' }))
  await createMission(payload, code, { enabledLocales: ['vi'] })
})

afterAll(async () => {
  await s3?.dispose()
  await close?.()
  rmSync(tmp, { recursive: true, force: true })
})

describe('shared state in the bucket', () => {
  it('derivatives encoded by one worker are downloaded, byte for byte, by a worker with an empty cache', async () => {
    const shared = new SharedObjects(sharedBucketFromEnv(env())!, '_state/derivatives/')
    const cache = { get: (n: string) => shared.get(n), put: (n: string, b: Buffer, t: string) => shared.put(n, b, t, b.length) }
    const image = await demoImage(5, 1000, 700)
    const first = await deriveImage(image, path.join(tmp, 'worker-a'), { x: 30, y: 40 }, cache)
    expect(first.origin).toBe('encoded')
    const second = await deriveImage(image, path.join(tmp, 'worker-b'), { x: 30, y: 40 }, cache)
    expect(second.origin).toBe('shared')
    expect(second.files).toEqual(first.files)
    for (const name of readdirSync(path.join(tmp, 'worker-a', first.hash)))
      expect(readFileSync(path.join(tmp, 'worker-b', first.hash, name)).equals(readFileSync(path.join(tmp, 'worker-a', first.hash, name))), name).toBe(true)
    expect((await deriveImage(image, path.join(tmp, 'worker-b'), { x: 30, y: 40 }, cache)).origin).toBe('disk')
  }, 120_000)

  it('a worker that never built a deployment rolls back to it from the bucket store, by copies; prune trims that store', async () => {
    const store = new BucketContentStore(sharedBucketFromEnv(env())!)
    const article = await payload.create({
      collection: 'articles',
      locale: 'vi',
      data: {
        title: 'Tin chung',
        summary: 'Tóm tắt',
        body: paragraphs(['Một.']),
        section: 'news',
        missions: [(await payload.find({ collection: 'missions', where: { code: { equals: code } }, ...system })).docs[0]!.id],
        _status: 'published',
      },
      context: { skipRebuild: true },
      ...system,
    })
    const deployFrom = async (worker: string, extra: { rollbackTo?: number } = {}) => {
      const sitesDir = path.join(tmp, worker, 'sites')
      if (extra.rollbackTo === undefined) await buildSites({ payload, missions: [code], sitesDir, log: () => {} })
      return deployMission({ payload, mission: code, trigger: 'test', s3: s3.config, sitesDir, store, allowLoopbackUrls: true, log: () => {}, ...extra })
    }
    const first = await deployFrom('worker-a')
    expect(await page()).toBe('Tin chung')
    await payload.update({
      collection: 'articles',
      id: article.id,
      locale: 'vi',
      data: { title: 'Tin chung đã sửa' },
      context: { skipRebuild: true },
      ...system,
    })
    await deployFrom('worker-a')
    expect(await page()).toBe('Tin chung đã sửa')

    // Worker B: no site folder and no local store at all.
    const rollback = await deployFrom('worker-b', { rollbackTo: first.deploymentId })
    expect(await page()).toBe('Tin chung')
    const record = await payload.findByID({ collection: 'deployments', id: rollback.deploymentId, depth: 0, ...system })
    expect(record.status).toBe('succeeded')
    expect(rollback.uploaded.length).toBeGreaterThan(0)

    const result = await pruneContentStore(payload, { keep: 1, store, graceMs: 0 })
    expect(result.filesRemoved).toBeGreaterThan(0) // the edited pages, only in the deployment rolled back
    const live = (record.manifest as { files: Record<string, { sha256: string }> }).files
    for (const e of Object.values(live)) expect(await store.has(e.sha256)).toBe(true)
  }, 600_000)
})
