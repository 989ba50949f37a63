import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { createTestPayload } from '../helpers/payload'
import { seed } from '../../cms/seed'

/** The demo seed: enough content to try every feature, idempotent, no fixed password. */
let payload: Payload
let close: () => Promise<void>
const system = { overrideAccess: true } as const

const publishedIn = async (locale: 'vi' | 'en') =>
  (await payload.find({ collection: 'articles', locale, fallbackLocale: false, limit: 0, overrideAccess: false, where: { title: { exists: true } } })).totalDocs

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  delete process.env.SEED_PASSWORD
  await seed(payload, () => {})
})
afterAll(async () => {
  delete process.env.SEED_PASSWORD
  await close?.()
})

describe('demo seed', () => {
  it('creates at least 3 missions and 12 published articles per locale across all sections, one only in Vietnamese', async () => {
    expect((await payload.count({ collection: 'missions', ...system })).totalDocs).toBeGreaterThanOrEqual(3)
    expect(await publishedIn('vi')).toBeGreaterThanOrEqual(12)
    expect(await publishedIn('en')).toBeGreaterThanOrEqual(12)
    const sections = await payload.find({ collection: 'articles', limit: 0, pagination: false, overrideAccess: false, depth: 0 })
    expect(new Set(sections.docs.map((d) => d.section))).toEqual(new Set(['news', 'cultural-diplomacy', 'external-information']))
    expect(await publishedIn('vi')).toBeGreaterThan(await publishedIn('en'))
  })

  it('creates an account for every role of every demo mission, plus the HQ accounts', async () => {
    const users = await payload.find({ collection: 'users', limit: 0, pagination: false, ...system })
    const emails = users.docs.map((u) => u.email).sort()
    for (const code of ['au-canberra', 'jp-osaka', 'eg-cairo']) {
      for (const role of ['admin', 'reviewer', 'press', 'translator']) expect(emails).toContain(`${role}.${code}@example.org`)
    }
    expect(emails).toEqual(expect.arrayContaining(['hq.admin@example.org', 'hq.editor@example.org']))
    const translator = users.docs.find((u) => u.email === 'translator.jp-osaka@example.org')!
    expect(translator.memberships?.[0]).toMatchObject({ role: 'translator', translationLocales: ['en'] })
  })

  it('is idempotent, and an explicit SEED_PASSWORD becomes the demo password', async () => {
    const before = await Promise.all(['missions', 'articles', 'users', 'media'].map((c) => payload.count({ collection: c as 'users', ...system })))
    process.env.SEED_PASSWORD = 'a-demo-password-42'
    const again = await seed(payload, () => {})
    expect(again).toMatchObject({ users: 0, articles: 0 })
    const after = await Promise.all(['missions', 'articles', 'users', 'media'].map((c) => payload.count({ collection: c as 'users', ...system })))
    expect(after).toEqual(before)
    const login = await payload.login({ collection: 'users', data: { email: 'press.au-canberra@example.org', password: 'a-demo-password-42' } })
    expect(login.user?.email).toBe('press.au-canberra@example.org')
  })

  it('refuses a SEED_PASSWORD shorter than 12 characters', async () => {
    process.env.SEED_PASSWORD = 'short'
    await expect(seed(payload, () => {})).rejects.toThrow(/at least 12 characters/)
  })
})
