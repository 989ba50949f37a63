import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalS3 } from '../../bench/localS3'
import { paragraphs } from '../../cms/seed/lexical'
import { demoImage } from '../../media/seedImages'
import { sectionSlug } from '#core/uiStrings'
import { ensureAdminBuilt } from '../../scripts/lib/adminBuild'
import { svgWithScript } from '../security/corpus'
import { createMission } from '../helpers/fixtures'
import { createTestPayload } from '../helpers/payload'

/**
 * The production topology on loopback: one PostgreSQL, two `npm run serve` (ports by PORT) and
 * two `npm run worker`, each process with a disk of its own, one S3-compatible server holding
 * the public site bucket and the private bucket of shared state (S3_MEDIA_BUCKET). An image
 * uploaded through one admin is served by the other and lives in the bucket, not on a disk;
 * articles published through either admin go live in the site bucket; a mission's deployments
 * never overlap.
 */
let payload: Payload
let close: () => Promise<void>
let databaseUrl: string
let s3: Awaited<ReturnType<typeof startLocalS3>>
let client: S3Client
const PRIVATE_BUCKET = 'serve-private'
const SECRET = 'serve-test-secret-0123456789abcdef'
const PASSWORD = 'correct-horse-battery-staple'
const root = mkdtempSync(path.join(os.tmpdir(), 'mp-serve-'))
const processes: { name: string; child: ChildProcess; output: string }[] = []
const admins: string[] = []
const system = { overrideAccess: true } as const
const missions: { id: number; code: string; press: string; reviewer: string }[] = []

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })

function start(name: string, script: 'serve' | 'worker' | 'migrate', extra: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: SECRET,
    DATA_DIR: path.join(root, name, 'data'),
    DIST_DIR: path.join(root, name, 'dist'),
    SITE_BASE_URL: 'https://sites.example.org',
    S3_BUCKET: s3.config.bucket,
    S3_ENDPOINT: s3.config.endpoint,
    S3_REGION: s3.config.region,
    AWS_ACCESS_KEY_ID: s3.config.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.config.secretAccessKey,
    S3_MEDIA_BUCKET: PRIVATE_BUCKET,
    LOG_LEVEL: 'info',
    ...extra,
  }
  for (const key of ['MP_EMBEDDED_DB', 'NODE_ENV', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'CDN_PURGE_URL', 'MP_PROJECT_ROOT']) delete env[key]
  // Its own process group, so stopping it stops `next start` and astro builds with it.
  const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`], {
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const entry = { name, child, output: '' }
  child.stdout!.on('data', (c: Buffer) => (entry.output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (entry.output += c.toString()))
  processes.push(entry)
  return entry
}

const logs = () => processes.map((p) => `--- ${p.name} (exit ${p.child.exitCode}):\n${p.output.slice(-2500)}`).join('\n')

async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await fn().catch(() => null)
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.\n${logs()}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

async function login(admin: string, email: string) {
  const res = await fetch(`${admin}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  const body = (await res.json()) as { token?: string }
  if (!body.token) throw new Error(`login as ${email} through ${admin} failed: ${res.status} ${JSON.stringify(body)}`)
  return `JWT ${body.token}`
}

async function api(admin: string, auth: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${admin}${url}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: auth },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, text, json: text ? JSON.parse(text) : {} }
}

const objectExists = async (bucket: string, key: string) => {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
    return true
  } catch {
    return false
  }
}
const objectBytes = async (bucket: string, key: string) =>
  Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray())
const keysUnder = async (bucket: string, prefix: string) =>
  ((await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!)

const liveHtml = async (code: string, slug: string) => {
  try {
    return (await objectBytes(s3.config.bucket, `${code}/vi/${sectionSlug('vi', 'news')}/${slug}/index.html`)).toString('utf8')
  } catch {
    return null
  }
}

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : []

beforeAll(async () => {
  // `npm run serve` needs the built admin; this builds it once (skipped while the sources are unchanged).
  await ensureAdminBuilt((l) => console.log(l), { ...process.env, PAYLOAD_SECRET: 'admin-build' })
  ;({ payload, close, databaseUrl } = await createTestPayload())
  s3 = await startLocalS3('serve-sites')
  client = new S3Client({
    endpoint: s3.config.endpoint,
    region: s3.config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  await client.send(new CreateBucketCommand({ Bucket: PRIVATE_BUCKET }))
  for (const code of ['srv-bern', 'srv-kyiv']) {
    const mission = await createMission(payload, code, { enabledLocales: ['vi'] })
    const press = `press.${code}@example.org`
    const reviewer = `reviewer.${code}@example.org`
    await payload.create({
      collection: 'users',
      data: { email: press, password: PASSWORD, memberships: [{ mission: mission.id, role: 'press-officer' }] } as never,
      ...system,
    })
    await payload.create({
      collection: 'users',
      data: { email: reviewer, password: PASSWORD, memberships: [{ mission: mission.id, role: 'reviewer' }] } as never,
      ...system,
    })
    missions.push({ id: mission.id, code, press, reviewer })
  }
  // Once per release, with the same configuration: exits 0 (the schema is current).
  const migrate = start('migrate', 'migrate')
  const migrated = await new Promise<number | null>((resolve) => migrate.child.once('exit', resolve))
  expect(migrated, migrate.output).toBe(0)
  expect(migrate.output).toMatch(/Database schema is current/)
  for (const i of [0, 1]) {
    const port = await freePort()
    start(`serve-${i}`, 'serve', { PORT: String(port), SERVER_URL: `http://127.0.0.1:${port}` })
    admins.push(`http://127.0.0.1:${port}`)
  }
  start('worker-0', 'worker')
  start('worker-1', 'worker')
  for (const admin of admins) await waitFor(`${admin} to answer`, async () => (await fetch(`${admin}/api/health`)).status === 200, 240_000, 1000)
  await waitFor(
    'both workers to start',
    async () => processes.filter((p) => p.name.startsWith('worker')).every((p) => p.output.includes('running jobs')),
    180_000,
  )
}, 1_800_000)

afterAll(async () => {
  for (const { child } of processes) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // gone
      }
    }
  }
  await Promise.all(
    processes.map(({ child }) =>
      child.exitCode === null ? Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 10_000))]) : null,
    ),
  )
  for (const { child } of processes)
    if (child.exitCode === null && child.pid)
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // gone
      }
  await close?.()
  await s3?.dispose()
  rmSync(root, { recursive: true, force: true })
})

describe('two admins and two workers sharing one database and one bucket', () => {
  let heroId: number
  let heroFile: string

  it('an image uploaded through one admin is in the private bucket, on no disk, and served by the other admin to staff only', async () => {
    const m = missions[0]!
    const press = await login(admins[0]!, m.press)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await demoImage(3, 900, 600))], { type: 'image/jpeg' }), 'Ảnh buổi lễ.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Ảnh buổi lễ', missions: [m.id] }))
    const res = await fetch(`${admins[0]}/api/media?locale=vi`, { method: 'POST', body: form, headers: { Authorization: press } })
    expect(res.status, await res.clone().text()).toBe(201)
    const doc = ((await res.json()) as { doc: { id: number; filename: string } }).doc
    heroId = doc.id
    heroFile = doc.filename

    expect(await objectExists(PRIVATE_BUCKET, `media/${doc.filename}`)).toBe(true)
    expect(await objectExists(s3.config.bucket, `media/${doc.filename}`)).toBe(false) // never in the public site bucket
    for (const p of processes) expect(filesUnder(path.join(root, p.name, 'data', 'media')), p.name).toEqual([])

    const other = await login(admins[1]!, m.press)
    const served = await fetch(`${admins[1]}/api/media/file/${encodeURIComponent(doc.filename)}`, { headers: { Authorization: other } })
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(await objectBytes(PRIVATE_BUCKET, `media/${doc.filename}`))).toBe(true)
    // Not yet used by published content: anonymous readers get nothing, through either admin.
    for (const admin of admins) expect((await fetch(`${admin}/api/media/file/${encodeURIComponent(doc.filename)}`)).status).not.toBe(200)

    // Upload checks still run before the plugin stores anything: an SVG with a script is refused and nothing reaches the bucket.
    const before = await keysUnder(PRIVATE_BUCKET, 'media/')
    const svg = new FormData()
    svg.append('file', new Blob([svgWithScript], { type: 'image/png' }), 'logo.png')
    svg.append('_payload', JSON.stringify({ alt: 'Logo', missions: [m.id] }))
    const refused = await fetch(`${admins[1]}/api/media?locale=vi`, { method: 'POST', body: svg, headers: { Authorization: other } })
    expect(refused.status).toBe(415)
    expect(await keysUnder(PRIVATE_BUCKET, 'media/')).toEqual(before)
    // Media rights too: staff of another mission cannot delete the file, which stays in the bucket.
    const outsider = await login(admins[1]!, missions[1]!.press)
    const deleted = await fetch(`${admins[1]}/api/media/${doc.id}`, { method: 'DELETE', headers: { Authorization: outsider } })
    expect(deleted.status).toBeGreaterThanOrEqual(400)
    expect(await objectExists(PRIVATE_BUCKET, `media/${doc.filename}`)).toBe(true)
  }, 300_000)

  it('articles submitted and published through either admin go live in the bucket once, with no overlapping deployments of a mission', async () => {
    const published: { code: string; slug: string; title: string; publishedAt: number; hero: boolean }[] = []
    let n = 0
    for (const m of missions) {
      const press = [await login(admins[0]!, m.press), await login(admins[1]!, m.press)]
      const reviewer = [await login(admins[0]!, m.reviewer), await login(admins[1]!, m.reviewer)]
      for (let a = 0; a < 3; a++, n++) {
        const via = n % 2 // the admin the author uses; the reviewer uses the other one
        const title = `${m.code} bài ${a + 1}`
        const hero = m === missions[0] && a === 0
        const created = await api(admins[via]!, press[via]!, 'POST', '/api/articles?locale=vi&draft=true', {
          title,
          summary: 'Tóm tắt',
          body: paragraphs(['Nội dung.']),
          section: 'news',
          missions: [m.id],
          ...(hero ? { heroImage: heroId } : {}),
        })
        expect(created.status, created.text).toBe(201)
        const id = created.json.doc.id as number
        expect((await api(admins[via]!, press[via]!, 'POST', `/api/articles/${id}/workflow`, { locale: 'vi', action: 'submit' })).status).toBe(200)
        expect((await api(admins[1 - via]!, reviewer[1 - via]!, 'POST', `/api/articles/${id}/workflow`, { locale: 'vi', action: 'approve' })).status).toBe(200)
        const publish = await api(admins[1 - via]!, reviewer[1 - via]!, 'POST', `/api/articles/${id}/workflow`, { locale: 'vi', action: 'publish' })
        expect(publish.status, publish.text).toBe(200)
        const slug = (await payload.findByID({ collection: 'articles', id, locale: 'vi', depth: 0, ...system })).slug!
        published.push({ code: m.code, slug, title, publishedAt: Date.now(), hero })
      }
    }
    for (const p of published) {
      const html = await waitFor(`${p.code}/${p.slug} in the bucket`, () => liveHtml(p.code, p.slug), 400_000)
      console.log(`${p.code}/${p.slug}: live ${((Date.now() - p.publishedAt) / 1000).toFixed(1)} s after its publish (or later: checked in order)`)
      expect(html).toContain(p.title)
      if (p.hero) {
        // The export read the original from the private bucket; its derivatives are cached there for every worker.
        const used = [...html.matchAll(/media\/([0-9a-f]{16})-\d+\.(?:avif|webp|jpg)/g)].map((x) => x[1]!)
        expect(used.length).toBeGreaterThan(0)
        expect(await keysUnder(PRIVATE_BUCKET, `_state/derivatives/${used[0]}/`)).toContain(`_state/derivatives/${used[0]}/manifest.json`)
      }
    }
    await waitFor(
      'the queue to empty',
      async () =>
        (
          await payload.count({
            collection: 'payload-jobs',
            where: { and: [{ taskSlug: { equals: 'rebuildSites' } }, { completedAt: { exists: false } }] },
            ...system,
          })
        ).totalDocs === 0,
      300_000,
    )
    for (const m of missions) {
      const list = (
        await payload.find({ collection: 'deployments', where: { mission: { equals: m.id } }, sort: 'startedAt', pagination: false, depth: 0, ...system })
      ).docs
      expect(list.length).toBeGreaterThan(0)
      expect(list.filter((d) => d.status === 'running')).toEqual([])
      for (let i = 1; i < list.length; i++)
        expect(new Date(list[i]!.startedAt).getTime(), `${m.code}: deployment #${list[i]!.id} overlaps #${list[i - 1]!.id}`).toBeGreaterThanOrEqual(
          new Date(list[i - 1]!.finishedAt!).getTime(),
        )
      // Every deployed file is also in the shared deploy store, so any worker can roll back to it.
      const last = list.filter((d) => d.status === 'succeeded').at(-1)!
      const sha = Object.values((last.manifest as { files: Record<string, { sha256: string }> }).files)[0]!.sha256
      expect(await objectExists(PRIVATE_BUCKET, `_state/deploy-store/${sha.slice(0, 2)}/${sha}`)).toBe(true)
    }
    // Originals never landed on a disk of any process.
    for (const p of processes) expect(filesUnder(path.join(root, p.name, 'data', 'media')), p.name).toEqual([])
    expect(heroFile).toBeTruthy()
  }, 900_000)
})
