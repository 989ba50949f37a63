import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalS3 } from '../../bench/localS3'
import { paragraphs } from '../../cms/seed/lexical'
import { sectionSlug } from '#core/uiStrings'
import { poolOf } from '../../pipeline/missionLocks'
import { createMission } from '../helpers/fixtures'
import { createTestPayload } from '../helpers/payload'

/**
 * Two `npm run worker` processes on one PostgreSQL, each with its own disk (as on two machines),
 * deploying to one real S3-compatible bucket: every publish goes live exactly once, a mission is
 * never deployed by both at once, bursts are coalesced, no job runs twice, and a worker killed
 * with SIGKILL mid-build has its job finished by the other once the lease lapses.
 */
let payload: Payload
let close: () => Promise<void>
let databaseUrl: string
let s3: Awaited<ReturnType<typeof startLocalS3>>
let client: S3Client
const root = mkdtempSync(path.join(os.tmpdir(), 'mp-workers-'))
const workers: ChildProcess[] = []
const output: string[] = ['', '']
const system = { overrideAccess: true } as const
const missions: { id: number; code: string; articles: { id: number; slug: string; section: string }[] }[] = []

function startWorker(i: number): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: path.join(root, `worker-${i}`, 'data'),
    DIST_DIR: path.join(root, `worker-${i}`, 'dist'),
    SITE_BASE_URL: 'https://sites.example.org',
    S3_BUCKET: s3.config.bucket,
    S3_ENDPOINT: s3.config.endpoint,
    S3_REGION: s3.config.region,
    AWS_ACCESS_KEY_ID: s3.config.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.config.secretAccessKey,
    LOG_LEVEL: 'info',
  }
  for (const key of ['MP_EMBEDDED_DB', 'NODE_ENV', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'CDN_PURGE_URL']) delete env[key]
  // Its own process group, so SIGKILL takes its astro builds with it, as a lost machine would.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  child.stdout!.on('data', (c: Buffer) => (output[i] += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output[i] += c.toString()))
  workers[i] = child
  return child
}

const liveTitle = async (code: string, section: string, slug: string): Promise<string | null> => {
  try {
    const res = await client.send(new GetObjectCommand({ Bucket: s3.config.bucket, Key: `${code}/vi/${sectionSlug('vi', section)}/${slug}/index.html` }))
    return (await res.Body!.transformToString()).match(/<h1[^>]*>([^<]*)</)?.[1] ?? null
  } catch {
    return null
  }
}

async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await fn()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.\nworker 0:\n${output[0]!.slice(-3000)}\nworker 1:\n${output[1]!.slice(-3000)}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

const deploymentsOf = async (missionId: number) =>
  (await payload.find({ collection: 'deployments', where: { mission: { equals: missionId } }, sort: 'startedAt', pagination: false, depth: 0, ...system })).docs

beforeAll(async () => {
  ;({ payload, close, databaseUrl } = await createTestPayload())
  s3 = await startLocalS3('worker-sites')
  client = new S3Client({
    endpoint: s3.config.endpoint,
    region: s3.config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  })
  for (const code of ['svc-rome', 'svc-oslo', 'svc-lima']) {
    const mission = await createMission(payload, code, { enabledLocales: ['vi'] })
    const articles: (typeof missions)[number]['articles'] = []
    for (let a = 0; a < 10; a++) {
      const doc = await payload.create({
        collection: 'articles',
        locale: 'vi',
        data: { title: `${code} bài ${a + 1}`, summary: 'Tóm tắt', body: paragraphs(['Nội dung.']), section: 'news', missions: [mission.id] },
        context: { skipRebuild: true },
        ...system,
      })
      articles.push({ id: doc.id, slug: doc.slug!, section: 'news' })
    }
    missions.push({ id: mission.id, code, articles })
  }
  startWorker(0)
  startWorker(1)
  await waitFor('both workers to start', async () => output.every((o) => o.includes('running jobs')), 120_000)
})

afterAll(async () => {
  for (const w of workers) {
    if (w && w.exitCode === null) {
      try {
        process.kill(-w.pid!, 'SIGTERM')
      } catch {
        // gone
      }
    }
  }
  await Promise.all(
    workers.map((w) =>
      w && w.exitCode === null && w.pid ? Promise.race([new Promise((r) => w.once('exit', r)), new Promise((r) => setTimeout(r, 10_000))]) : null,
    ),
  )
  await close?.()
  await s3?.dispose()
  rmSync(root, { recursive: true, force: true })
})

describe('two workers on one database and one bucket', () => {
  it('publish 30 articles across 3 missions at once: each is live once, no mission deployed twice at a time, the burst coalesced, no job run twice', async () => {
    await Promise.all(
      missions.flatMap((m) =>
        m.articles.map((a) => payload.update({ collection: 'articles', id: a.id, locale: 'vi', data: { _status: 'published' }, ...system })),
      ),
    )
    for (const m of missions) {
      for (const a of m.articles) await waitFor(`${m.code}/${a.slug} in the bucket`, () => liveTitle(m.code, a.section, a.slug), 400_000)
    }
    await waitFor(
      'the queue to empty',
      async () => {
        const { totalDocs } = await payload.count({
          collection: 'payload-jobs',
          where: { and: [{ taskSlug: { equals: 'rebuildSites' } }, { completedAt: { exists: false } }] },
          ...system,
        })
        return totalDocs === 0
      },
      120_000,
    )

    let deployments = 0
    for (const m of missions) {
      const list = (await deploymentsOf(m.id)).filter((d) => d.status !== 'running')
      deployments += list.length
      for (let i = 1; i < list.length; i++)
        expect(
          new Date(list[i]!.startedAt).getTime(),
          `${m.code}: deployment #${list[i]!.id} started before #${list[i - 1]!.id} finished`,
        ).toBeGreaterThanOrEqual(new Date(list[i - 1]!.finishedAt!).getTime())
      expect(list.every((d) => d.status === 'succeeded')).toBe(true)
    }
    // 30 publishes, far fewer builds: each worker absorbs whatever queued up while it was building.
    expect(deployments).toBeLessThan(30)
    // Both workers took part, and no job was run by both (one succeeded run at most, by its claimant).
    const jobs = (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'rebuildSites' } }, pagination: false, depth: 0, ...system }))
      .docs
    for (const job of jobs) expect((job.log ?? []).filter((l) => l.state === 'succeeded').length, `job ${job.id}`).toBeLessThanOrEqual(1)
    const claimants = new Set(jobs.map((j) => String((j as { claimedBy?: string }).claimedBy ?? '').split(':')[1]))
    expect(claimants.has(String(workers[0]!.pid)) || claimants.has(String(workers[1]!.pid))).toBe(true)
  }, 900_000)

  it('a worker killed with SIGKILL mid-build: the other finishes its job after the lease lapses, and no deployment stays running', async () => {
    const m = missions[0]!
    const article = m.articles[3]!
    const title = `Sửa sau khi mất một máy ${Date.now()}`
    await payload.update({ collection: 'articles', id: article.id, locale: 'vi', data: { title }, ...system })
    const claimant = await waitFor(
      'a worker to claim the rebuild',
      async () => {
        const { rows } = await poolOf(payload).query<{ claimed_by: string }>(
          `SELECT claimed_by FROM payload_jobs WHERE completed_at IS NULL AND processing AND claimed_by IS NOT NULL`,
        )
        return rows[0]?.claimed_by.split(':')[1] ?? null
      },
      120_000,
      50,
    )
    const victim = workers.findIndex((w) => String(w.pid) === claimant)
    expect(victim).toBeGreaterThanOrEqual(0)
    process.kill(-workers[victim]!.pid!, 'SIGKILL')
    await waitFor('the edit to go live through the surviving worker', async () => (await liveTitle(m.code, article.section, article.slug)) === title, 300_000)
    await waitFor('no running deployment of the mission', async () => (await deploymentsOf(m.id)).every((d) => d.status !== 'running'), 120_000)
    const survivor = workers[1 - victim]!
    expect(output[1 - victim]).toMatch(/running jobs/)
    expect(survivor.exitCode).toBe(null)
  }, 900_000)
})
