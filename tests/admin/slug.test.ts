import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { capSlug, firstFreeSlug, MAX_GENERATED_SLUG } from '../../cms/fields/slug'
import { URL_SAFE_CODE } from '../../cms/lib/slugify'
import { createTestPayload } from '../helpers/payload'
import { createMission } from '../helpers/fixtures'
import { validationMessages } from '../helpers/errors'

describe('generated slugs', () => {
  it('are cut at a word boundary near 80 characters', () => {
    const long = 'le-ky-niem-quoc-khanh-nuoc-cong-hoa-xa-hoi-chu-nghia-viet-nam-tai-dai-su-quan-o-canberra-va-sydney-nam-2026'
    const cut = capSlug(long)
    expect(cut.length).toBeLessThanOrEqual(MAX_GENERATED_SLUG)
    expect(long.startsWith(`${cut}-`)).toBe(true)
    expect(capSlug('x'.repeat(120))).toHaveLength(MAX_GENERATED_SLUG)
    expect(capSlug('ngan-gon')).toBe('ngan-gon')
  })

  it('take the first free suffix, still within the cap', () => {
    expect(firstFreeSlug('quoc-khanh', new Set())).toBe('quoc-khanh')
    expect(firstFreeSlug('quoc-khanh', new Set(['quoc-khanh']))).toBe('quoc-khanh-2')
    expect(firstFreeSlug('quoc-khanh', new Set(['quoc-khanh', 'quoc-khanh-2']))).toBe('quoc-khanh-3')
    const long = `${'tu-'.repeat(30)}cuoi`
    const taken = firstFreeSlug(long, new Set([capSlug(long)]))
    expect(taken).toMatch(/-2$/)
    expect(taken.length).toBeLessThanOrEqual(MAX_GENERATED_SLUG)
    expect(taken).toMatch(URL_SAFE_CODE)
  })
})

describe('slugs on save (Payload on Postgres)', () => {
  let payload: Payload
  let close: () => Promise<void>
  let mission: number
  const system = { overrideAccess: true } as const
  const create = (data: Record<string, unknown>) =>
    payload.create({ collection: 'articles', locale: 'vi', draft: true, data: { section: 'news', missions: [mission], ...data } as never, ...system })

  beforeAll(async () => {
    ;({ payload, close } = await createTestPayload())
    mission = (await createMission(payload, 'test-slugs')).id
  })
  afterAll(async () => close?.())

  it('never block a title the mission already used: the second gets -2, the third -3', async () => {
    const a = await create({ title: 'Quốc khánh 2/9' })
    const b = await create({ title: 'Quốc khánh 2/9' })
    const c = await create({ title: 'Quốc khánh 2/9' })
    expect([a.slug, b.slug, c.slug]).toEqual(['quoc-khanh-2-9', 'quoc-khanh-2-9-2', 'quoc-khanh-2-9-3'])
    // Saving again keeps each article's own slug.
    const again = await payload.update({ collection: 'articles', id: b.id, locale: 'vi', draft: true, data: { summary: 'Tóm tắt' }, ...system })
    expect(again.slug).toBe('quoc-khanh-2-9-2')
  })

  it('keep a long title’s slug near 80 characters', async () => {
    const doc = await create({
      title: 'Lễ kỷ niệm Quốc khánh nước Cộng hòa Xã hội Chủ nghĩa Việt Nam tại Đại sứ quán ở Canberra và Sydney năm 2026 cùng cộng đồng',
    })
    expect(doc.slug!.length).toBeLessThanOrEqual(MAX_GENERATED_SLUG)
    expect(doc.slug).toMatch(/^le-ky-niem-quoc-khanh-.*[a-z0-9]$/)
  })

  it('refuse a typed slug that is taken, with a clear message, and save nothing', async () => {
    const before = (await payload.count({ collection: 'articles', ...system })).totalDocs
    const messages = await validationMessages(create({ title: 'Bài khác', slug: 'quoc-khanh-2-9' }))
    expect(messages).toMatch(/slug: .*"quoc-khanh-2-9".*#\d+ "Quốc khánh 2\/9"/)
    expect((await payload.count({ collection: 'articles', ...system })).totalDocs).toBe(before)
  })
})
