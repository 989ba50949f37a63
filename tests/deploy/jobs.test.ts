import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { demoImage } from '../../media/seedImages'
import { sitesDir } from '#core/paths'
import { createTestPayload } from '../helpers/payload'
import { createMission } from '../helpers/fixtures'

/** The rebuild queue as `npm start` runs it: real jobs in Postgres, real Astro builds. */
let payload: Payload
let close: () => Promise<void>
const system = { overrideAccess: true } as const
const ids: Record<string, number> = {}

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  for (const code of ['job-rome', 'job-oslo']) {
    const m = await createMission(payload, code, { hostCountry: 'IT', city: 'Rô-ma', timeZone: 'Europe/Rome', enabledLocales: ['vi'] })
    ids[code] = m.id
  }
})
afterAll(async () => {
  await close?.()
  for (const c of Object.keys(ids)) rmSync(path.join(sitesDir, c), { recursive: true, force: true })
})

const pending = async () =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'rebuildSites' } }, { completedAt: { exists: false } }] },
      pagination: false,
      ...system,
    })
  ).docs

it('coalesces a burst of 20 publishes into one build per run, and a broken mission is retried alone without blocking the other', async () => {
  for (let i = 1; i <= 20; i++) {
    await payload.create({
      collection: 'articles',
      locale: 'vi',
      data: { title: `Tin số ${i}`, section: 'news', missions: [ids['job-rome']!], _status: 'published' },
      ...system,
    })
  }
  // A broken article (its image file is gone) in the other mission.
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'x' },
    file: { data: await demoImage(3, 400, 300), mimetype: 'image/jpeg', name: 'gone.jpg', size: 0 },
    ...system,
  })
  const { mediaDir } = await import('#core/config')
  rmSync(path.join(mediaDir, image.filename!), { force: true })
  await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: { title: 'Bài hỏng', section: 'news', missions: [ids['job-oslo']!], heroImage: image.id, _status: 'published' },
    ...system,
  })
  expect((await pending()).length).toBe(21)

  // One runner tick (limit 1, as configured): its handler drains the other 20 jobs.
  await payload.jobs.run({ queue: 'rebuild', limit: 1 })
  const jobs = (await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'rebuildSites' } }, pagination: false, sort: 'id', ...system }))
    .docs
  const ran = jobs.filter((j) => (j.log ?? []).some((l) => l.taskID !== 'coalesced' && l.state === 'succeeded'))
  expect(ran).toHaveLength(1)
  const out = ran[0]!.log!.find((l) => l.taskID !== 'coalesced')!.output as { built: string[]; failed: string[]; coalescedJobs: number }
  expect(out.coalescedJobs).toBe(20)
  expect(out.built).toEqual(['job-rome'])
  expect(out.failed).toEqual(['job-oslo'])

  const home = readFileSync(path.join(sitesDir, 'job-rome', 'vi', 'index.html'), 'utf8')
  expect(home).toContain('Tin số 20')
  expect(existsSync(path.join(sitesDir, 'job-oslo'))).toBe(false)

  // The failed mission is re-queued on its own, with back-off.
  const retry = await pending()
  expect(retry).toHaveLength(1)
  expect(retry[0]!.input as { missions: number[]; attempt: number }).toEqual({ missions: [ids['job-oslo']], attempt: 1 })
  expect(new Date(retry[0]!.waitUntil!).getTime()).toBeGreaterThan(Date.now())
})

it('builds an article shared by several missions, with its image, when those missions export at once', async () => {
  const { buildSites } = await import('../../pipeline/buildSites')
  const codes = ['job-lima', 'job-kyiv', 'job-baku']
  const ids2: number[] = []
  for (const code of codes) {
    const m = await createMission(payload, code, { hostCountry: 'PE', city: 'x', timeZone: 'America/Lima', enabledLocales: ['vi'] })
    ids[code] = m.id
    ids2.push(m.id)
  }
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'chung' },
    file: { data: await demoImage(5, 1600, 1000), mimetype: 'image/jpeg', name: 'shared.jpg', size: 0 },
    ...system,
  })
  await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: { title: 'Bài chung', section: 'news', missions: ids2, heroImage: image.id, _status: 'published' },
    context: { skipRebuild: true },
    ...system,
  })
  const report = await buildSites({ payload, missions: codes, isolateFailures: true, log: () => {} })
  expect(report.failures).toEqual([])
  for (const code of codes) expect(readFileSync(path.join(sitesDir, code, 'vi', 'index.html'), 'utf8')).toContain('Bài chung')
})
