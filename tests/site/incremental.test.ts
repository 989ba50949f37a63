import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { buildSites, type BuildReport } from '../../pipeline/buildSites'
import { settleReplacedSites } from '../../pipeline/publishOutput'
import { paragraphs } from '../../cms/seed/lexical'
import { createTestPayload } from '../helpers/payload'
import { createMission } from '../helpers/fixtures'

/**
 * Per-page incremental rendering (pipeline/incremental.ts, site/src/routing/incremental.ts):
 * after a change only the pages whose inputs changed are rendered, and the published site is
 * byte for byte what a full build of the same content produces.
 */
let payload: Payload
let close: () => Promise<void>
const root = mkdtempSync(path.join(os.tmpdir(), 'mp-incr-'))
const sitesDir = path.join(root, 'sites')
const fullDir = path.join(root, 'full')
const code = 'incr-one'
const system = { overrideAccess: true, context: { skipRebuild: true } } as const
const articleIds: number[] = []

let logged: string[] = []
const build = (dir = sitesDir, full = false): Promise<BuildReport> => {
  logged = []
  return buildSites({ payload, missions: [code], sitesDir: dir, full, log: (l) => logged.push(l) })
}

/** Every file of a built site, relative path → content (the search index aside: Pagefind names its chunks by random-ish hashes). */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue
    const rel = path.relative(dir, path.join(f.parentPath, f.name))
    if (rel.includes('pagefind/')) continue
    files.set(rel, readFileSync(path.join(dir, rel), 'utf8'))
  }
  return files
}

/** The incremental site equals a full build of the same content. */
async function expectSameAsFullBuild() {
  rmSync(fullDir, { recursive: true, force: true })
  await build(fullDir, true)
  const incremental = snapshot(path.join(sitesDir, code))
  const full = snapshot(path.join(fullDir, code))
  expect([...incremental.keys()].sort()).toEqual([...full.keys()].sort())
  for (const [file, html] of full) expect(incremental.get(file), file).toBe(html)
}

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  const mission = await createMission(payload, code)
  for (let i = 0; i < 30; i++) {
    const doc = await payload.create({
      collection: 'articles',
      locale: 'vi',
      data: {
        title: `Bài ${i + 1}`,
        body: paragraphs([`Nội dung ${i + 1}.`]),
        section: i % 2 ? 'news' : 'cultural-diplomacy',
        missions: [mission.id],
        publishedAt: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
        _status: 'published',
        workflow: { state: 'published' },
      },
      ...system,
    })
    articleIds.push(doc.id)
  }
})

afterAll(async () => {
  await close?.()
  rmSync(root, { recursive: true, force: true })
})

describe('incremental builds', () => {
  it('renders everything the first time and nothing when nothing changed', async () => {
    const first = await build()
    expect(first.pagesRendered).toBe(first.pages)
    const live = snapshot(path.join(sitesDir, code))
    const again = await build()
    expect(again.pages).toBe(first.pages)
    // Same inputs as the live site: no Astro, no search index, no swap — the live folder stays as it is.
    expect(again.pagesRendered).toBe(0)
    expect(again.upToDate).toEqual([code])
    expect(logged).toContain(`[site] ${code}: up to date, nothing to render`)
    expect(logged.some((l) => l.startsWith('[search]'))).toBe(false)
    expect(snapshot(path.join(sitesDir, code))).toEqual(live)
    // The published tree holds mission folders only: the replaced copies went outside it.
    await settleReplacedSites()
    expect(readdirSync(sitesDir)).toEqual([code])
  })

  it('an event that ends is reason enough to build again (the home page lists upcoming events)', async () => {
    const ended = new Date(Date.now() + 1500).toISOString()
    await payload.update({
      collection: 'articles',
      id: articleIds[1]!,
      locale: 'vi',
      data: { event: { startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: ended } },
      ...system,
    })
    const withEvent = await build()
    expect(withEvent.upToDate).toEqual([])
    await new Promise((r) => setTimeout(r, 1600))
    const afterItEnded = await build()
    expect(afterItEnded.upToDate).toEqual([])
    expect(afterItEnded.pagesRendered).toBeGreaterThan(0)
    expect((await build()).upToDate).toEqual([code])
  })

  it('after an edit renders the article, its fallback page, listings showing it and pages listing it as related — and matches a full build', async () => {
    // The oldest article: shown on the last listing page of its section and nowhere as "related".
    await payload.update({ collection: 'articles', id: articleIds[0]!, locale: 'vi', data: { title: 'Bài 1 đã sửa' }, ...system })
    const report = await build()
    expect(report.pagesRendered).toBeGreaterThan(7)
    expect(report.pagesRendered).toBeLessThan(report.pages / 3)
    const page = readFileSync(path.join(sitesDir, code, 'vi', 'ngoai-giao-van-hoa', 'bai-1', 'index.html'), 'utf8').toString()
    expect(page).toContain('Bài 1 đã sửa')
    // The Vietnamese index is rebuilt with the new title.
    expect(logged.find((l) => l.startsWith('[search]'))).toMatch(/vi \d+ pages indexed/)
    await expectSameAsFullBuild()
  })

  it('a new article shifts listings and related links; a deleted one loses its page', async () => {
    const mission = (await payload.find({ collection: 'missions', where: { code: { equals: code } }, ...system })).docs[0]!
    await payload.create({
      collection: 'articles',
      locale: 'vi',
      data: {
        title: 'Tin mới nhất',
        section: 'news',
        missions: [mission.id],
        publishedAt: new Date(Date.UTC(2026, 5, 1)).toISOString(),
        _status: 'published',
        workflow: { state: 'published' },
      },
      ...system,
    })
    await payload.delete({ collection: 'articles', id: articleIds[5]!, ...system })
    await build()
    await expectSameAsFullBuild()
    expect(snapshot(path.join(sitesDir, code)).has('vi/tin-tuc/bai-6/index.html')).toBe(false)
  })

  it('renders in full when the mission settings, the templates or the live folder change', async () => {
    const mission = (await payload.find({ collection: 'missions', where: { code: { equals: code } }, ...system })).docs[0]!
    await payload.update({ collection: 'missions', id: mission.id, locale: 'vi', data: { siteTitle: 'Tên trang mới' }, ...system })
    const settings = await build()
    expect(settings.pagesRendered).toBe(settings.pages)

    process.env.SITE_PAGE_SIZE = '5' // read by the templates: part of the template hash
    try {
      const templates = await build()
      expect(templates.pagesRendered).toBe(templates.pages)
    } finally {
      delete process.env.SITE_PAGE_SIZE
    }
    await build() // back to the normal page size

    // A live folder replaced by something other than the pipeline (a restore, a manual copy).
    const live = path.join(sitesDir, code)
    cpSync(live, `${live}.copy`, { recursive: true })
    rmSync(live, { recursive: true })
    renameSync(`${live}.copy`, live)
    const replaced = await build()
    expect(replaced.pagesRendered).toBe(replaced.pages)
    await expectSameAsFullBuild()
  })
})
