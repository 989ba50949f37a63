import type { Payload } from 'payload'
import { slugify } from '../lib/slugify'
import { capSlug } from '../fields/slug'
import { paragraphs } from './lexical'
import { accreditedNews, arabicArticles, seedSites, type HomeBlock, type SeedSite } from './data/sites'
import { seedArticles } from './data/articles'

type Log = (line: string) => void
type Loc = 'vi' | 'en' | 'ar'
// Trusted set-up code: writes as the system, deliberately bypassing access rules.
const system = { overrideAccess: true, context: { skipRebuild: true } } as const

/**
 * Site settings, pages, menus, home layouts, accreditation and the Arabic content of the demo
 * missions. Idempotent: a mission that already has an accent colour is left as it is, and
 * existing pages and articles (by slug) are kept.
 */
export async function seedSiteSettings(payload: Payload, missionIds: Map<string, number>, _log: Log) {
  let configured = 0
  for (const site of seedSites) {
    const id = missionIds.get(site.code)
    if (!id) continue
    const mission = await payload.findByID({ collection: 'missions', id, depth: 0, ...system })
    if (mission.accentColour) continue
    await payload.update({ collection: 'missions', id, data: { enabledLocales: site.enabledLocales }, ...system })
    const pageIds = await seedPages(payload, id, site)
    if (site.code === 'eg-cairo') await seedArabicArticles(payload, id)
    const featured = await payload.find({ collection: 'articles', where: { missions: { in: [id] } }, sort: '-publishedAt', limit: 2, depth: 0, ...system })
    for (const locale of site.enabledLocales) {
      const l = (v: Partial<Record<Loc, string>>) => v[locale] ?? v.en ?? v.vi ?? ''
      const link = (item: { to: string; label: Partial<Record<Loc, string>> }) =>
        item.to.startsWith('https://')
          ? { label: l(item.label), kind: 'external' as const, url: item.to }
          : item.to.startsWith('section:')
            ? { label: l(item.label), kind: 'section' as const, section: item.to.slice(8) as 'news' }
            : { label: l(item.label), kind: 'page' as const, page: pageIds.get(item.to)! }
      const onlyTranslated = <T extends { label: Partial<Record<Loc, string>> }>(items: T[]) => items.filter((i) => i.label[locale])
      await payload.update({
        collection: 'missions',
        id,
        locale,
        data: {
          ...(site.extraNames?.[locale as 'ar'] ?? {}),
          siteTitle: l(site.siteTitle),
          tagline: l(site.tagline),
          ...(locale === 'vi'
            ? {
                accentColour: site.accentColour,
                socialProfiles: site.social,
                consular: {
                  hotline: site.hotline,
                  phone: site.phone,
                  email: site.email,
                  addresses: [{ label: l(site.address.label), address: l(site.address.address) }],
                  officeHours: site.hours.map((h) => ({ days: l(h.days), opens: h.opens, closes: h.closes })),
                  holidays: site.holidays.map((h) => ({ date: h.date, name: l(h.name) })),
                },
                accreditedCountries: (site.accredited ?? []).map((a) => ({
                  country: a.country,
                  relations: l(a.relations),
                  consularContact: l(a.consularContact),
                })),
              }
            : {}),
          headerMenu: onlyTranslated(site.header).map(link),
          footerMenu: onlyTranslated(site.footer).map(link),
          homeLayout: site.home.map((blockType) =>
            homeBlock(
              blockType,
              locale,
              site,
              pageIds,
              featured.docs.map((d) => d.id),
            ),
          ),
        },
        ...system,
      })
      if (locale !== 'vi') await localizeNested(payload, id, locale, site)
    }
    configured++
  }
  return configured
}

/** Localized fields inside arrays need their row ids; write the other locales' texts onto the vi rows. */
async function localizeNested(payload: Payload, id: number, locale: Loc, site: SeedSite) {
  const m = await payload.findByID({ collection: 'missions', id, locale: 'vi', depth: 0, ...system })
  const l = (v: Partial<Record<Loc, string>>) => v[locale] ?? v.en ?? v.vi ?? ''
  await payload.update({
    collection: 'missions',
    id,
    locale,
    data: {
      consular: {
        ...m.consular,
        addresses: (m.consular?.addresses ?? []).map((a) => ({ id: a.id, label: l(site.address.label), address: l(site.address.address) })),
        officeHours: (m.consular?.officeHours ?? []).map((h, i) => ({ ...h, days: l(site.hours[i]!.days) })),
        holidays: (m.consular?.holidays ?? []).map((h, i) => ({ ...h, name: l(site.holidays[i]!.name) })),
      },
      accreditedCountries: (m.accreditedCountries ?? []).map((a, i) => ({
        ...a,
        relations: l(site.accredited![i]!.relations),
        consularContact: l(site.accredited![i]!.consularContact),
      })),
    },
    ...system,
  })
}

function homeBlock(blockType: HomeBlock['blockType'], locale: Loc, site: SeedSite, pageIds: Map<string, number>, featured: number[]): HomeBlock {
  switch (blockType) {
    case 'latestBySection':
      return { blockType, section: 'news', count: 3 }
    case 'featured':
      return { blockType, articles: featured }
    case 'upcomingEvents':
      return { blockType, count: 3 }
    case 'headOfMission':
      return { blockType, name: site.headOfMission!.name, message: site.headOfMission!.message[locale] ?? site.headOfMission!.message.en! }
    case 'consularLinks':
      return {
        blockType,
        links: ['consular-services', 'citizen-protection']
          .filter((k) => pageIds.has(k))
          .map((k) => {
            const page = site.pages.find((p) => p.key === k)!
            return { label: page.title[locale] ?? page.title.en!, kind: 'page', page: pageIds.get(k) }
          }),
      }
    default:
      return { blockType }
  }
}

async function seedPages(payload: Payload, missionId: number, site: SeedSite): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (const p of site.pages) {
    const slug = slugify(p.title.vi!)
    const existing = await payload.find({
      collection: 'pages',
      locale: 'vi',
      draft: true,
      where: { and: [{ slug: { equals: slug } }, { mission: { equals: missionId } }] },
      limit: 1,
      depth: 0,
      ...system,
    })
    let id = existing.docs[0]?.id
    if (!id) {
      for (const locale of site.enabledLocales) {
        const title = p.title[locale]
        const body = p.body[locale]
        if (!title || !body) continue
        const data = { title, body: paragraphs([body]), _status: 'published' as const, ...(locale === 'ar' ? { slug: slugify(p.title.en!) } : {}) }
        if (!id) id = (await payload.create({ collection: 'pages', locale, data: { ...data, mission: missionId, kind: p.kind as 'about' }, ...system })).id
        else await payload.update({ collection: 'pages', id, locale, data, ...system })
      }
    }
    ids.set(p.key, id!)
  }
  return ids
}

async function seedArabicArticles(payload: Payload, missionId: number) {
  for (const [key, ar] of Object.entries(arabicArticles)) {
    const source = seedArticles.find((a) => a.key === key)!
    const found = await payload.find({
      collection: 'articles',
      locale: 'vi',
      where: { and: [{ slug: { equals: capSlug(slugify(source.vi.title)) } }, { missions: { in: [missionId] } }] },
      limit: 1,
      depth: 0,
      ...system,
    })
    const article = found.docs[0]
    if (!article) continue
    await payload.update({
      collection: 'articles',
      id: article.id,
      locale: 'ar',
      data: { title: ar.title, slug: ar.slug, summary: ar.summary, body: paragraphs(ar.body), _status: 'published', workflow: { state: 'published' } },
      ...system,
    })
  }
  const slug = capSlug(slugify(accreditedNews.vi.title))
  const exists = await payload.find({ collection: 'articles', locale: 'vi', where: { slug: { equals: slug } }, limit: 1, depth: 0, ...system })
  if (exists.docs.length) return
  const created = await payload.create({
    collection: 'articles',
    locale: 'vi',
    data: {
      ...accreditedNews.vi,
      section: 'news',
      missions: [missionId],
      countries: accreditedNews.countries,
      publishedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      _status: 'published',
      workflow: { state: 'published' },
    },
    ...system,
  })
  await payload.update({
    collection: 'articles',
    id: created.id,
    locale: 'en',
    data: { ...accreditedNews.en, _status: 'published', workflow: { state: 'published' } },
    ...system,
  })
}
