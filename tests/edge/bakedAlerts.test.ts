import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { findAll, textContent } from 'domutils'
import { parseDocument } from 'htmlparser2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalS3 } from '../../bench/localS3'
import { ALERT_MARKER } from '#core/alertBanner'
import { NoopPurger } from '../../pipeline/deploy/cdn'
import { deployMission } from '../../pipeline/deploy/deployMission'
import { loginOverHttp, startApiServer } from '../helpers/apiServer'
import { buildDemoSites, type DemoSites } from '../helpers/demoSites'

/**
 * ALERT_DELIVERY=baked, the fallback for CDNs without edge code: no edge worker anywhere, only a
 * real S3-compatible bucket (s3rver) holding a real deploy of the demo. An alert saved through the
 * API must show up in the mission's HTML objects in the bucket (the alerts job re-deploys the live
 * pages with the banner baked in), survive a normal deploy, and leave them again at expiry.
 */
let site: DemoSites
let s3: Awaited<ReturnType<typeof startLocalS3>>
let client: S3Client
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mp-baked-'))
const system = { overrideAccess: true } as const
const quiet = () => {}
const s3Env = () => ({
  S3_BUCKET: s3.config.bucket,
  S3_ENDPOINT: s3.config.endpoint!,
  S3_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  ALERT_DELIVERY: 'baked',
  DEPLOY_ALLOW_LOOPBACK: 'true',
})
const deploy = (mission: string) =>
  deployMission({ payload: site.payload, mission, trigger: 'test', s3: s3.config, sitesDir: site.sitesDir, purger: new NoopPurger(), log: quiet })
const object = async (key: string) => (await client.send(new GetObjectCommand({ Bucket: s3.config.bucket, Key: key }))).Body!.transformToString()
async function htmlKeys(prefix: string) {
  const keys: string[] = []
  let token: string | undefined
  do {
    const res = await client.send(new ListObjectsV2Command({ Bucket: s3.config.bucket, Prefix: prefix, ContinuationToken: token }))
    for (const o of res.Contents ?? []) if (o.Key?.endsWith('.html')) keys.push(o.Key)
    token = res.IsTruncated ? res.NextContinuationToken : undefined
  } while (token)
  return keys
}
/** The first successful re-deploy by the alerts job that uploaded pages, after deployment #after (and started at `since` or later). */
const alertsDeploy = async (after: number, since = 0) =>
  (
    await site.payload.find({
      collection: 'deployments',
      where: { and: [{ id: { greater_than: after } }, { trigger: { like: 'job: alerts' } }, { status: { equals: 'succeeded' } }] },
      sort: 'id',
      depth: 0,
      overrideAccess: true,
    })
  ).docs.find((d) => (d.objectsUploaded ?? 0) > 0 && new Date(d.startedAt).getTime() >= since)
const built = (file: string) => readFileSync(path.join(site.sitesDir, file), 'utf8')
const hasBanner = (html: string) => html.includes('data-alert-id=')
const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 60_000) => {
  const started = Date.now()
  for (;;) {
    const v = await read()
    if (ok(v)) return v
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

beforeAll(async () => {
  process.env.MP_ALERTS_DIR = path.join(tmp, 'alerts')
  site = await buildDemoSites()
  s3 = await startLocalS3()
  client = new S3Client({
    endpoint: s3.config.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  Object.assign(process.env, s3Env())
  for (const code of ['au-canberra', 'eg-cairo']) await deploy(code)
}, 600_000)

afterAll(async () => {
  for (const k of [...Object.keys(s3Env()), 'MP_ALERTS_DIR']) delete process.env[k]
  client?.destroy()
  await s3?.dispose()
  await site?.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('ALERT_DELIVERY=baked', () => {
  it('bakes an alert saved through the API into every HTML object of the mission, inert, keeps it through a deploy, and takes it out at expiry', async () => {
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
      const pages = await htmlKeys('au-canberra/')
      const withMarker = pages.filter((k) => built(k).includes(ALERT_MARKER))
      expect(withMarker.length).toBeGreaterThan(10)
      expect(withMarker).toContain('au-canberra/vi/index.html')
      expect(withMarker).toContain('au-canberra/en/404.html')
      for (const k of withMarker.slice(0, 5)) expect(await object(k)).toBe(built(k))

      const admin = await loginOverHttp(api.url, 'admin.au-canberra@example.org', process.env.SEED_PASSWORD!)
      const mission = (await site.payload.find({ collection: 'missions', where: { code: { equals: 'au-canberra' } }, ...system })).docs[0]!
      const hostile = `Bão <img src=x onerror=alert(1)><script>alert(2)</script> gọi $& $\` $' $1 ngay`
      const saved = Date.now()
      const res = await fetch(`${api.url}/api/alerts?locale=vi`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: admin },
        body: JSON.stringify({
          mission: mission.id,
          severity: 'critical',
          text: hostile,
          startsAt: new Date(saved - 1000).toISOString(),
          expiresAt: new Date(saved + 300_000).toISOString(),
        }),
      })
      expect(res.status, await res.clone().text()).toBe(201)
      const id = ((await res.json()) as { doc: { id: number } }).doc.id

      // Done when the alerts job's re-deploy of the mission is live (objects read mid-upload may be cut off).
      const bakedDeploy = (await until(() => alertsDeploy(0), Boolean, 'the re-deploy with the banner'))!
      const html = await object('au-canberra/vi/index.html')
      expect(hasBanner(html)).toBe(true)
      // Every page of the mission that has the marker got it, in one deploy; the other mission none.
      for (const k of withMarker) expect(hasBanner(await object(k)), k).toBe(true)
      for (const k of await htmlKeys('eg-cairo/')) expect(hasBanner(await object(k)), k).toBe(false)
      const doc = parseDocument(html)
      const banner = findAll((e) => e.attribs.role === 'alert', doc.children)
      expect(banner).toHaveLength(1)
      expect(textContent(banner)).toContain(hostile)
      expect(findAll((e) => e.name === 'img' || e.name === 'script', banner[0]!.children)).toEqual([])
      expect(html.match(/<title>/g)).toHaveLength(1) // `$\`` did not copy the head into the banner
      expect(html).not.toContain(ALERT_MARKER)
      // The English pages: the default language's text marked as such, the labels in English.
      const en = await object('au-canberra/en/index.html')
      expect(en).toContain('<span lang="vi">')
      expect(en).toContain('Emergency alert:')
      expect(bakedDeploy.objectsUploaded).toBe(withMarker.length) // only the pages; no asset, feed or sitemap

      // A normal deploy while the alert is in force keeps the banner (and uploads nothing new).
      const again = await deploy('au-canberra')
      expect(again.uploaded).toEqual([])
      expect(hasBanner(await object('au-canberra/vi/index.html'))).toBe(true)
      // So does a rollback to the deployment from before the alert: its pages get the banner of now.
      const first = (
        await site.payload.find({ collection: 'deployments', where: { mission: { equals: mission.id } }, sort: 'id', limit: 1, depth: 0, ...system })
      ).docs[0]!
      expect(first.trigger).toBe('test')
      const rolledBack = await deployMission({
        payload: site.payload,
        mission: 'au-canberra',
        trigger: 'test rollback',
        s3: s3.config,
        rollbackTo: first.id,
        log: quiet,
      })
      expect(rolledBack.uploaded).toEqual([])
      expect(hasBanner(await object('au-canberra/vi/index.html'))).toBe(true)

      // Expiry: the alert is shortened to end 2 s from now (its banner changes: "until …"), and the expiry job takes the banner out.
      const expiresAt = Date.now() + 2000
      const patch = await fetch(`${api.url}/api/alerts/${id}?locale=vi`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: admin },
        body: JSON.stringify({ expiresAt: new Date(expiresAt).toISOString() }),
      })
      expect(patch.status, await patch.clone().text()).toBe(200)
      const unbaked = (await until(() => alertsDeploy(bakedDeploy.id, expiresAt), Boolean, 'the re-deploy without the banner'))!
      expect(unbaked.objectsUploaded).toBe(withMarker.length)
      for (const k of withMarker) expect(await object(k), k).toBe(built(k))
    } finally {
      running = false
      await runner
      await api.close()
    }
  }, 300_000)
})
