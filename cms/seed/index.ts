import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { demoImage } from '../../media/seedImages'
import { dataDir, seedPassword } from '#core/config'
import { slugify } from '../lib/slugify'
import { capSlug } from '../fields/slug'
import { seedArticles } from './data/articles'
import { seedMissions } from './data/missions'
import { paragraphs } from './lexical'
import { seedSiteSettings } from './sites'
import { queueRebuildAtEventEnd } from '../hooks/queueRebuild'

type Log = (line: string) => void
// The seed is trusted set-up code: it writes as the system, deliberately bypassing access rules.
const system = { overrideAccess: true, context: { skipRebuild: true } } as const

/** Demo accounts: one per role for every demo mission, plus the two HQ roles. */
export function demoAccounts(missionCodes: string[]) {
  return [
    { email: 'hq.admin@example.org', name: 'HQ Admin', hqRole: 'hq-admin' as const },
    { email: 'hq.editor@example.org', name: 'HQ Editor', hqRole: 'hq-editor' as const },
    ...missionCodes.flatMap((code) => [
      { email: `admin.${code}@example.org`, name: `Mission admin ${code}`, mission: code, role: 'mission-admin' as const },
      { email: `reviewer.${code}@example.org`, name: `Reviewer ${code}`, mission: code, role: 'reviewer' as const },
      { email: `press.${code}@example.org`, name: `Press officer ${code}`, mission: code, role: 'press-officer' as const },
      { email: `translator.${code}@example.org`, name: `Translator ${code}`, mission: code, role: 'translator' as const, locales: ['en'] },
    ]),
  ]
}

/** A demo event's start and end, counted from today (UTC) so the demo always has upcoming events. */
function demoEvent(a: (typeof seedArticles)[number], locale: 'vi' | 'en') {
  if (!a.event) return undefined
  const today = new Date()
  const [h, m] = a.event.startsAtUtc.split(':').map(Number)
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + a.event.inDays, h, m))
  const end = a.event.hours ? new Date(start.getTime() + a.event.hours * 3_600_000) : null
  return { startsAt: start.toISOString(), endsAt: end?.toISOString() ?? null, venue: a.event.venue[locale] }
}

function demoPassword(log: Log): { password: string; generated: boolean } {
  const chosen = seedPassword()
  if (chosen) return { password: chosen, generated: false }
  const file = path.join(dataDir, 'demo-credentials.txt')
  if (existsSync(file)) {
    const match = /^password: (.+)$/m.exec(readFileSync(file, 'utf8'))
    if (match) return { password: match[1]!.trim(), generated: false }
  }
  const password = randomBytes(15).toString('base64url')
  log('Generated a password for the demo accounts (SEED_PASSWORD was not set).')
  return { password, generated: true }
}

/**
 * Creates the demo missions, accounts, images and articles. Idempotent: anything that
 * already exists (by mission code, e-mail, or article slug within its mission) is kept.
 */
export async function seed(payload: Payload, log: Log = console.log) {
  const missionIds = new Map<string, number>()
  for (const m of seedMissions) {
    const found = await payload.find({ collection: 'missions', where: { code: { equals: m.code } }, limit: 1, depth: 0, ...system })
    let id = found.docs[0]?.id
    if (!id) {
      const created = await payload.create({
        collection: 'missions',
        locale: 'vi',
        data: {
          code: m.code,
          kind: m.kind,
          hostCountry: m.hostCountry,
          timeZone: m.timeZone,
          name: m.name.vi,
          city: m.city.vi,
          enabledLocales: ['vi', 'en'],
          defaultLocale: 'vi',
        },
        ...system,
      })
      id = created.id
      await payload.update({ collection: 'missions', id, locale: 'en', data: { name: m.name.en, city: m.city.en }, ...system })
      log(`  mission ${m.code}`)
    }
    missionIds.set(m.code, id)
  }

  const accounts = demoAccounts(seedMissions.map((m) => m.code))
  const existing = await payload.find({ collection: 'users', where: { email: { in: accounts.map((a) => a.email) } }, pagination: false, depth: 0, ...system })
  const existingByEmail = new Map(existing.docs.map((u) => [u.email, u.id]))
  const needsPassword = Boolean(seedPassword()) || accounts.some((a) => !existingByEmail.has(a.email))
  const { password, generated } = needsPassword ? demoPassword(log) : { password: '', generated: false }
  if (generated) {
    // Saved before any account uses it, so a failure part-way never leaves accounts with a lost password.
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(
      path.join(dataDir, 'demo-credentials.txt'),
      `Demo accounts (see README): hq.admin@example.org, hq.editor@example.org, admin|reviewer|press|translator.<mission>@example.org\npassword: ${password}\n`,
      { mode: 0o600 },
    )
  }
  let createdUsers = 0
  for (const account of accounts) {
    const existingId = existingByEmail.get(account.email)
    if (existingId !== undefined) {
      // An explicit SEED_PASSWORD is the demo accounts' password, even for accounts made earlier.
      if (seedPassword()) await payload.update({ collection: 'users', id: existingId, data: { password, lockUntil: null, loginAttempts: 0 }, ...system })
      continue
    }
    await payload.create({
      collection: 'users',
      data: {
        email: account.email,
        password,
        name: account.name,
        hqRole: 'hqRole' in account ? account.hqRole : undefined,
        memberships:
          'mission' in account
            ? [
                {
                  mission: missionIds.get(account.mission)!,
                  role: account.role,
                  translationLocales: 'locales' in account ? (account.locales as ('vi' | 'en')[]) : [],
                },
              ]
            : [],
      },
      ...system,
    })
    createdUsers++
  }

  let createdArticles = 0
  for (const [index, a] of seedArticles.entries()) {
    const missions = [a.mission, ...(a.alsoMissions ?? [])].map((c) => missionIds.get(c)!)
    const existing = await payload.find({
      collection: 'articles',
      locale: 'vi',
      draft: true,
      // The slug the field generates from the title: capped at a word boundary (cms/fields/slug.ts).
      where: { and: [{ slug: { equals: capSlug(slugify(a.vi.title)) } }, { missions: { in: [missionIds.get(a.mission)!] } }] },
      limit: 1,
      depth: 0,
      ...system,
    })
    if (existing.docs.length) continue
    const image = await payload.create({
      collection: 'media',
      locale: 'vi',
      data: { alt: `Ảnh minh họa: ${a.vi.title}`, credit: 'Mission Publisher demo', missions },
      file: { data: await demoImage(index), mimetype: 'image/jpeg', name: `${a.key}.jpg`, size: 0 },
      ...system,
    })
    if (a.en) await payload.update({ collection: 'media', id: image.id, locale: 'en', data: { alt: `Illustration: ${a.en.title}` }, ...system })
    const status = a.status ?? 'published'
    const publishedAt = new Date(Date.now() - a.daysAgo * 86_400_000 - index * 3_600_000).toISOString()
    const article = await payload.create({
      collection: 'articles',
      locale: 'vi',
      draft: status === 'draft',
      data: {
        title: a.vi.title,
        summary: a.vi.summary,
        body: paragraphs(a.vi.body),
        section: a.section,
        missions,
        heroImage: image.id,
        publishedAt,
        event: demoEvent(a, 'vi'),
        _status: status,
        workflow: { state: status },
      },
      ...system,
    })
    if (a.en) {
      await payload.update({
        collection: 'articles',
        id: article.id,
        locale: 'en',
        draft: status === 'draft',
        data: {
          title: a.en.title,
          summary: a.en.summary,
          body: paragraphs(a.en.body),
          ...(a.event ? { event: { ...article.event, venue: a.event.venue.en } } : {}),
          _status: status,
          workflow: { state: status },
        },
        ...system,
      })
    }
    // The seed writes without hooks' rebuilds (skipRebuild), so it queues the event-end rebuild itself.
    if (a.event && status === 'published') await queueRebuildAtEventEnd(payload, article)
    createdArticles++
  }
  const configuredSites = await seedSiteSettings(payload, missionIds, log)
  log(`Seed: ${missionIds.size} missions (${configuredSites} newly configured sites), ${createdUsers} new accounts, ${createdArticles} new articles.`)
  if (createdUsers) {
    log('')
    log('Log in to the admin at http://localhost:3000/admin with hq.admin@example.org')
    log(seedPassword() ? '  password: the value of SEED_PASSWORD' : `  password: ${password}   (also saved in .data/demo-credentials.txt)`)
    log('')
  }
  return { missions: missionIds.size, users: createdUsers, articles: createdArticles }
}
