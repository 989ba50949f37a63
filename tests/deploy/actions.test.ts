import { rmSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { handleEndpoints, type Payload } from 'payload'
import { startLocalS3 } from '../../bench/localS3'
import { sitesDir } from '#core/paths'
import { createTestPayload } from '../helpers/payload'
import { createMission } from '../helpers/fixtures'
import path from 'node:path'

/**
 * The admin's "Redeploy" and "Roll back to this deployment" buttons post to these endpoints;
 * exercised through Payload's real REST handler with real logins, a real jobs queue and s3rver.
 */
let payload: Payload
let close: () => Promise<void>
let s3: Awaited<ReturnType<typeof startLocalS3>>
const system = { overrideAccess: true } as const
const tokens: Record<string, string> = {}
let missionId: number
const code = 'act-lima'

const post = async (url: string, who?: string) => {
  const { default: config } = await import('../../cms/payload.config')
  const res = await handleEndpoints({
    config,
    request: new Request(`http://localhost:3000/api${url}`, { method: 'POST', headers: who ? { Authorization: `JWT ${tokens[who]}` } : {} }),
  })
  return { status: res.status, body: (await res.json()) as { queued?: number; message?: string; error?: string } }
}
const latest = async () =>
  (await payload.find({ collection: 'deployments', where: { mission: { equals: missionId } }, sort: '-id', limit: 1, depth: 0, ...system })).docs[0]!

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  s3 = await startLocalS3()
  Object.assign(process.env, {
    S3_BUCKET: s3.config.bucket,
    S3_ENDPOINT: s3.config.endpoint,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    S3_REGION: 'us-east-1',
    DEPLOY_ALLOW_LOOPBACK: 'true',
  })
  const mk = async (c: string) => (await createMission(payload, c, { hostCountry: 'PE', city: 'Li-ma', timeZone: 'America/Lima', enabledLocales: ['vi'] })).id
  missionId = await mk(code)
  const other = await mk('act-quito')
  await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: { title: 'Bài đầu tiên', section: 'news', missions: [missionId], _status: 'published' },
    context: { skipRebuild: true },
    ...system,
  })
  const users = {
    hq: { hqRole: 'hq-admin' },
    admin: { memberships: [{ mission: missionId, role: 'mission-admin' }] },
    press: { memberships: [{ mission: missionId, role: 'press-officer' }] },
    otherAdmin: { memberships: [{ mission: other, role: 'mission-admin' }] },
  }
  for (const [who, data] of Object.entries(users)) {
    const email = `${who.toLowerCase()}@example.org`
    await payload.create({ collection: 'users', data: { email, password: 'correct-horse-battery', name: who, ...data } as never, ...system })
    tokens[who] = (await payload.login({ collection: 'users', data: { email, password: 'correct-horse-battery' } })).token!
  }
})

afterAll(async () => {
  for (const k of ['S3_BUCKET', 'S3_ENDPOINT', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'S3_REGION', 'DEPLOY_ALLOW_LOOPBACK']) delete process.env[k]
  await s3?.dispose()
  await close?.()
  rmSync(path.join(sitesDir, code), { recursive: true, force: true })
})

it('lets HQ and the mission admin redeploy, and only HQ roll back; others are refused', async () => {
  // No deployment yet: the first one comes from a redeploy of a fresh record's mission.
  const seed = await payload.create({
    collection: 'deployments',
    data: { mission: missionId, trigger: 'seed', status: 'failed', startedAt: new Date().toISOString(), error: 'x' },
    ...system,
  })
  expect((await post(`/deployments/${seed.id}/redeploy`)).status).toBe(401)
  expect((await post(`/deployments/${seed.id}/redeploy`, 'press')).status).toBe(403)
  expect((await post(`/deployments/${seed.id}/redeploy`, 'otherAdmin')).status).toBe(404)
  const refused = await post(`/deployments/${seed.id}/rollback`, 'hq')
  expect(refused.status).toBe(400)
  expect(refused.body.error).toMatch(/did not succeed \(failed\)/)

  const queued = await post(`/deployments/${seed.id}/redeploy`, 'admin')
  expect(queued.status).toBe(202)
  await payload.jobs.run({ queue: 'rebuild' })
  const first = await latest()
  expect(first.status).toBe('succeeded')
  expect(first.trigger).toBe('redeploy by admin@example.org')
  expect(first.objectsUploaded).toBeGreaterThan(0)

  await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: { title: 'Bài thứ hai', section: 'news', missions: [missionId], _status: 'published' },
    context: { skipRebuild: true },
    ...system,
  })
  expect((await post(`/deployments/${first.id}/redeploy`, 'hq')).status).toBe(202)
  await payload.jobs.run({ queue: 'rebuild' })
  const second = await latest()
  expect(second.status).toBe('succeeded')
  expect(second.objectsUploaded).toBeGreaterThan(0)

  // A rollback can bring back withdrawn content: a publish right over the whole mission, HQ only.
  const jobsBefore = (await payload.count({ collection: 'payload-jobs', ...system })).totalDocs
  const byAdmin = await post(`/deployments/${first.id}/rollback`, 'admin')
  expect([byAdmin.status, byAdmin.body.error]).toEqual([403, expect.stringMatching(/Only HQ may roll act-lima back/)])
  expect((await payload.count({ collection: 'payload-jobs', ...system })).totalDocs).toBe(jobsBefore)
  const back = await post(`/deployments/${first.id}/rollback`, 'hq')
  expect(back.status).toBe(202)
  expect(back.body.message).toContain(`Rolling ${code} back to #${first.id}`)
  await payload.jobs.run({ queue: 'rebuild' })
  const rollback = await latest()
  expect(rollback.status).toBe('succeeded')
  expect(rollback.rollbackOf).toBe(first.id)
  expect(Object.keys((rollback.manifest as { files: object }).files).sort()).toEqual(Object.keys((first.manifest as { files: object }).files).sort())
  expect((await payload.findByID({ collection: 'deployments', id: second.id, ...system })).status).toBe('rolled-back')
})
