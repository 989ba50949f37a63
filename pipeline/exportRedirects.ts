import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload, Where } from 'payload'
import type { Mission } from '#core/payload-types'
import { articleSitePath, isSitePath, pageSitePath } from '#core/sitePaths'
import type { RedirectsFile } from '#core/redirectsFile'

/** The name of core/redirectsFile.ts's file in the exported content of a mission (copied into the built site by the pipeline). */
export const EXPORTED_REDIRECTS = 'redirects.json'

type Ref = { relationTo: 'articles' | 'pages'; value: number | { id: number } }
const refId = (r: Ref) => (typeof r.value === 'object' ? r.value.id : Number(r.value))

/**
 * Writes the mission's redirects for the build. The redirects collection is staff-only, so it is
 * read with overrideAccess; where a redirect points at an article or page, the target is read as
 * an anonymous reader (like all content of the build), so a redirect never leads to — or names
 * the slug of — a draft: it is left out until its target is public in that locale.
 */
export async function exportRedirects(payload: Payload, mission: Mission, missionDir: string): Promise<number> {
  const rows = (
    await payload.find({ collection: 'redirects', where: { mission: { equals: mission.id } }, depth: 0, pagination: false, sort: 'from', overrideAccess: true })
  ).docs
  const wanted = new Map<string, Set<number>>() // "articles:vi" → ids
  for (const r of rows) {
    if (r.to?.type !== 'reference' || !r.to.reference) continue
    const ref = r.to.reference as Ref
    const key = `${ref.relationTo}:${r.locale ?? mission.defaultLocale}`
    wanted.set(key, (wanted.get(key) ?? new Set()).add(refId(ref)))
  }
  const targets = new Map<string, string>() // "articles:vi:42" → path
  for (const [key, ids] of wanted) {
    const [collection, locale] = key.split(':') as ['articles' | 'pages', string]
    if (!(mission.enabledLocales as string[]).includes(locale)) continue
    const missionField: Where = collection === 'pages' ? { mission: { equals: mission.id } } : { missions: { in: [mission.id] } }
    const found = await payload.find({
      collection,
      locale: locale as 'vi',
      fallbackLocale: false,
      draft: false,
      overrideAccess: false,
      depth: 0,
      pagination: false,
      select: collection === 'pages' ? { slug: true } : { slug: true, section: true },
      where: { and: [{ id: { in: [...ids] } }, missionField, { title: { exists: true } }] },
    })
    for (const d of found.docs as { id: number; slug?: string | null; section?: string }[]) {
      if (!d.slug) continue
      targets.set(`${key}:${d.id}`, collection === 'pages' ? pageSitePath(locale, d.slug) : articleSitePath(locale, d.section ?? 'news', d.slug))
    }
  }
  const file: RedirectsFile = { redirects: [] }
  for (const r of rows) {
    const to =
      r.to?.type === 'custom'
        ? r.to.url
        : r.to?.reference
          ? targets.get(`${(r.to.reference as Ref).relationTo}:${r.locale ?? mission.defaultLocale}:${refId(r.to.reference as Ref)}`)
          : undefined
    if (!to || !isSitePath(to) || !isSitePath(r.from) || to === r.from) continue
    file.redirects.push({ from: r.from, to, status: r.type === '302' ? 302 : 301 })
  }
  writeFileSync(path.join(missionDir, EXPORTED_REDIRECTS), JSON.stringify(file))
  return file.redirects.length
}
