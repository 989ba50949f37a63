import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'
import { parseDocument } from 'htmlparser2'
import { selectAll, selectOne } from 'css-select'
import { textContent } from 'domutils'
import { buildSites } from '../../pipeline/buildSites'
import { createTestPayload } from '../helpers/payload'
import { startApiServer } from '../helpers/apiServer'
import { createMission, createUserAndLogin } from '../helpers/fixtures'
import { validationMessages } from '../helpers/errors'

/**
 * Events on articles (issue #7): the event's dates are checked and shared by all languages,
 * its venue is per language; the article page and the home page's upcomingEvents block show
 * them in the mission's time zone; and publishing an article whose event ends in the future
 * queues the rebuild that will drop it from the block.
 */
let payload: Payload
let close: () => Promise<void>
let api: { url: string; close: () => Promise<void> }
let sitesDir: string
const system = { overrideAccess: true } as const
const missions: Record<string, number> = {}
const HOUR = 3_600_000
const DAY = 24 * HOUR
const at = (offset: number) => new Date(Date.now() + offset).toISOString()

async function publishedArticle(
  mission: string,
  title: string,
  event: { startsAt?: string; endsAt?: string | null; venue?: string } | null,
  extra: Record<string, unknown> = {},
) {
  return payload.create({
    collection: 'articles',
    locale: 'en',
    data: {
      title,
      section: 'cultural-diplomacy',
      missions: [missions[mission]!],
      ...(event ? { event } : {}),
      _status: 'published',
      workflow: { state: 'published' },
      ...extra,
    } as never,
    ...system,
  })
}

const eventJobs = async () =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'rebuildSites' } }, { completedAt: { exists: false } }, { waitUntil: { exists: true } }] },
      pagination: false,
      ...system,
    })
  ).docs

beforeAll(async () => {
  ;({ payload, close } = await createTestPayload())
  api = await startApiServer(payload)
  for (const code of ['ev-sydney', 'ev-quiet']) {
    const m = await createMission(payload, code, { timeZone: 'Australia/Sydney' })
    missions[code] = m.id
  }
  sitesDir = mkdtempSync(path.join(os.tmpdir(), 'mp-events-'))
})

afterAll(async () => {
  await api?.close()
  await close?.()
  if (sitesDir) rmSync(sitesDir, { recursive: true, force: true })
})

describe('event fields', () => {
  it('refuses an end before the start, naming both, and writes nothing', async () => {
    const before = await payload.count({ collection: 'articles', ...system })
    const message = await validationMessages(
      publishedArticle('ev-sydney', 'Backwards concert', { startsAt: '2031-05-02T09:00:00.000Z', endsAt: '2031-05-01T09:00:00.000Z', venue: 'Hall' }),
    )
    expect(message).toMatch(/event\.endsAt/)
    expect(message).toContain('Event end (endsAt 2031-05-01T09:00:00.000Z) is before the event start (startsAt 2031-05-02T09:00:00.000Z)')
    expect(await payload.count({ collection: 'articles', ...system })).toEqual(before)
    expect(await validationMessages(publishedArticle('ev-sydney', 'Endless', { endsAt: '2031-05-01T09:00:00.000Z' }))).toMatch(/no start: set the event start/)
  })

  it('a translator may write the venue of their language but not move the event', async () => {
    const PASSWORD = 'correct-horse-battery-staple'
    const translator = await createUserAndLogin(payload, api.url, 'translator.events@example.org', PASSWORD, {
      memberships: [{ mission: missions['ev-sydney']!, role: 'translator', translationLocales: ['en'] }],
    } as never)
    const article = await payload.create({
      collection: 'articles',
      locale: 'vi',
      draft: true,
      data: {
        title: 'Đêm nhạc',
        section: 'cultural-diplomacy',
        missions: [missions['ev-sydney']!],
        event: { startsAt: '2031-06-01T09:00:00.000Z', venue: 'Nhà hát' },
      },
      ...system,
    })
    const patch = (body: unknown) =>
      fetch(`${api.url}/api/articles/${article.id}?locale=en&draft=true`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: translator },
        body: JSON.stringify(body),
      })

    const moved = await patch({ event: { startsAt: '2031-06-02T09:00:00.000Z', venue: 'Theatre' } })
    expect(moved.status).toBe(403)
    expect(await moved.text()).toMatch(/shared by all languages: event\.startsAt/)
    // The same instant written differently is no change; the venue is the translator's to write.
    const venue = await patch({ title: 'Concert night', event: { startsAt: '2031-06-01T09:00:00Z', venue: 'Theatre' } })
    expect(venue.status).toBe(200)
    const en = await payload.findByID({ collection: 'articles', id: article.id, locale: 'en', draft: true, ...system })
    const vi = await payload.findByID({ collection: 'articles', id: article.id, locale: 'vi', draft: true, ...system })
    expect([en.event?.venue, vi.event?.venue, new Date(en.event!.startsAt!).toISOString()]).toEqual(['Theatre', 'Nhà hát', '2031-06-01T09:00:00.000Z'])
  })
})

describe('upcomingEvents block settings', () => {
  it('takes 1 to 12 events, 3 when not set, and refuses other counts without saving', async () => {
    const id = missions['ev-quiet']!
    const save = (count?: number) =>
      payload.update({
        collection: 'missions',
        id,
        locale: 'vi',
        data: { homeLayout: [{ blockType: 'upcomingEvents', ...(count === undefined ? {} : { count }) }] } as never,
        ...system,
      })
    const saved = await save()
    expect((saved.homeLayout as { blockType: string; count?: number }[] | undefined)?.[0]).toMatchObject({ blockType: 'upcomingEvents', count: 3 })
    expect(await validationMessages(save(13))).toMatch(/homeLayout\.0\.count/)
    expect(await validationMessages(save(0))).toMatch(/homeLayout\.0\.count/)
    const after = await payload.findByID({ collection: 'missions', id, locale: 'vi', ...system })
    expect((after.homeLayout as { count?: number }[])[0]!.count).toBe(3)
  })
})

describe('rebuild when an event ends', () => {
  it('publishing an article with a future event queues one rebuild at the event end; past events and drafts queue none', async () => {
    const jobsBefore = (await eventJobs()).length
    const end = at(40 * DAY)
    const article = await publishedArticle('ev-quiet', 'Film week (job test)', { startsAt: at(38 * DAY), endsAt: end, venue: 'Cinema' })
    let jobs = (await eventJobs()).filter((j) => j.waitUntil && new Date(j.waitUntil).toISOString() === end)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]!.input).toMatchObject({ missions: [missions['ev-quiet']] })

    // Saving it again does not schedule the same rebuild twice.
    await payload.update({ collection: 'articles', id: article.id, locale: 'en', data: { summary: 'Five films.' }, ...system })
    jobs = (await eventJobs()).filter((j) => j.waitUntil && new Date(j.waitUntil).toISOString() === end)
    expect(jobs).toHaveLength(1)

    // A start without an end: the rebuild is due at the start.
    const start = at(41 * DAY)
    await publishedArticle('ev-quiet', 'Open day (job test)', { startsAt: start })
    expect((await eventJobs()).some((j) => new Date(j.waitUntil!).toISOString() === start)).toBe(true)

    const count = (await eventJobs()).length
    await publishedArticle('ev-quiet', 'Past fair (job test)', { startsAt: at(-3 * DAY), endsAt: at(-2 * DAY) })
    await payload.create({
      collection: 'articles',
      locale: 'en',
      draft: true,
      data: { title: 'Draft gala', section: 'news', missions: [missions['ev-quiet']!], event: { startsAt: at(50 * DAY) } },
      ...system,
    })
    expect((await eventJobs()).length).toBe(count)
    expect(count).toBe(jobsBefore + 2)

    // The runner leaves a job alone until it is due.
    const due = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'rebuildSites' } }, { completedAt: { exists: false } }, { waitUntil: { less_than: new Date().toISOString() } }] },
      ...system,
    })
    expect(due.docs.filter((j) => new Date(j.waitUntil!).toISOString() === end)).toEqual([])
    // Clean up so these articles stay out of the site build below.
    for (const title of ['Film week (job test)', 'Open day (job test)', 'Past fair (job test)', 'Draft gala']) {
      await payload.delete({ collection: 'articles', where: { title: { equals: title } }, locale: 'en', context: { skipRebuild: true }, ...system })
    }
  })
})

describe('on the built site', () => {
  type Doc = ReturnType<typeof parseDocument>
  const page = (file: string): Doc => parseDocument(readFileSync(path.join(sitesDir, file), 'utf8'))
  const text = (d: Doc, sel: string) => {
    const e = selectOne(sel, d)
    return e
      ? textContent(e as never)
          .replace(/\s+/g, ' ')
          .trim()
      : ''
  }
  const titles = (d: Doc) => selectAll('.block-events .card-title', d).map((e) => textContent(e as never).trim())

  beforeAll(async () => {
    const create = (title: string, event: Parameters<typeof publishedArticle>[2], extra: Record<string, unknown> = {}) =>
      publishedArticle('ev-sydney', title, event, extra)
    await create('Ended yesterday', { startsAt: at(-3 * DAY), endsAt: at(-1 * DAY), venue: 'Old hall' })
    await create('Started without end', { startsAt: at(-2 * HOUR), venue: 'Gone' })
    await create('Running now', { startsAt: at(-1 * DAY), endsAt: at(1 * DAY), venue: 'Gallery' })
    await create('Far ahead', { startsAt: at(30 * DAY), venue: 'Stadium' })
    await create('Lantern night', { startsAt: '2031-09-20T08:00:00.000Z', endsAt: '2031-09-20T11:00:00.000Z', venue: 'Embassy garden' })
    await create('Soon', { startsAt: at(2 * DAY), venue: 'Library' })
    await create('No event here', null)
    await create(
      'Withdrawn concert',
      { startsAt: at(3 * DAY), venue: 'Nowhere' },
      { workflow: { state: 'withdrawn', withdrawnAt: at(0), withdrawalReason: 'Cancelled' } },
    )
    await publishedArticle('ev-quiet', 'Quiet news', null)
    for (const [code, count] of [
      ['ev-sydney', 3],
      ['ev-quiet', 3],
    ] as const) {
      await payload.update({
        collection: 'missions',
        id: missions[code]!,
        locale: 'en',
        data: { name: code, city: 'Canberra', homeLayout: [{ blockType: 'upcomingEvents', count }] } as never,
        ...system,
      })
    }
    await payload.update({
      collection: 'missions',
      id: missions['ev-sydney']!,
      locale: 'vi',
      data: { homeLayout: [{ blockType: 'upcomingEvents', heading: 'Lịch sự kiện', count: 12 }] } as never,
      ...system,
    })
    await buildSites({ payload, missions: ['ev-sydney', 'ev-quiet'], sitesDir, log: () => {} })
  }, 240_000)

  it('the upcomingEvents block lists events not yet over, soonest first, up to its count', () => {
    const home = page('ev-sydney/en/index.html')
    expect(text(home, '.block-events h2')).toBe('Upcoming events')
    expect(titles(home)).toEqual(['Running now', 'Soon', 'Far ahead'])
    const soon = selectAll('.block-events .card', home)[1]!
    expect(textContent(soon as never).replace(/\s+/g, ' ')).toContain('Venue Library')
  })

  it('the block follows the locale: its own heading and count, and only articles published in that locale', () => {
    const vi = page('ev-sydney/vi/index.html')
    expect(text(vi, '.block-events h2')).toBe('Lịch sự kiện')
    // The articles above are English only: Vietnamese readers are told there is nothing coming up.
    expect(titles(vi)).toEqual([])
    expect(text(vi, '.block-events .no-events')).toBe('Hiện chưa có sự kiện nào sắp diễn ra.')
  })

  it('a mission without upcoming events shows the "no upcoming events" text', () => {
    const quiet = page('ev-quiet/en/index.html')
    expect(titles(quiet)).toEqual([])
    expect(text(quiet, '.block-events .no-events')).toBe('No upcoming events are scheduled at the moment.')
  })

  it('the article page shows the date, time and venue in the mission’s time zone', () => {
    const article = page('ev-sydney/en/cultural-diplomacy/lantern-night/index.html')
    // 08:00–11:00 UTC on 20 September 2031 is 18:00–21:00 in Canberra (AEST, before daylight saving).
    expect(text(article, 'article .event-details')).toBe('When September 20, 2031, 6:00 – 9:00 PM (local time, Australia/Sydney) Venue Embassy garden')
    expect(selectOne('article .event-details time[datetime="2031-09-20T08:00:00.000Z"]', article)).toBeTruthy()
    expect(selectOne('.event-details', page('ev-sydney/en/cultural-diplomacy/no-event-here/index.html'))).toBeNull()
  })
})
