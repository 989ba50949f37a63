import type { Source, SourceItem } from './sources'
import { slugify } from '../cms/lib/slugify'
import { decodeEntities } from './content'

/**
 * From parsed items to what will be written: which items are imported (published posts and
 * pages; drafts, private, scheduled and trashed ones are counted and skipped), which items are
 * translations of one another (WPML, Polylang) and so become one article with several locales,
 * and which old URLs of each item become redirects.
 */

export type Member = { locale: string; item: SourceItem; slug: string }
export type Group = { kind: 'post' | 'page'; key: string; primary: Member; members: Member[] }
export type Planned = {
  groups: Group[]
  skipped: { kind: string; reason: string; url: string }[]
  problems: { url: string; message: string }[]
  attachments: Map<string, SourceItem>
}

/** WPML writes the language and translation group into custom fields (names vary by WPML version and export add-on). */
const WPML_LANGUAGE = ['_wpml_language', 'wpml_language', '_icl_lang', 'icl_language']
const WPML_GROUP = ['_wpml_trid', 'wpml_trid', '_icl_trid', 'icl_trid', 'trid']
const WPML_DUPLICATE_OF = '_icl_lang_duplicate_of'

/** A WordPress language code (en, en_US, vi-VN, pt-br) → the project's locale code (its first part). */
export const localeFromWordPress = (code: string) => code.trim().toLowerCase().split(/[-_]/)[0] ?? ''

function languageOf(item: SourceItem): string | null {
  for (const k of WPML_LANGUAGE) if (item.meta[k]) return localeFromWordPress(item.meta[k]!)
  const term = item.terms.find((t) => t.domain === 'language')
  return term ? localeFromWordPress(term.slug || term.name) : null
}

function groupKeyOf(item: SourceItem, byId: Map<string, SourceItem>): string | null {
  const dup = item.meta[WPML_DUPLICATE_OF]
  if (dup && byId.has(dup)) return groupKeyOf(byId.get(dup)!, new Map()) ?? `wpml-dup:${dup}`
  for (const k of WPML_GROUP) if (item.meta[k]) return `wpml:${item.meta[k]}`
  const pll = item.terms.find((t) => t.domain === 'post_translations')
  if (pll) return `pll:${pll.slug || pll.name}`
  return null
}

const statusReason: Record<string, string> = {
  draft: 'draft',
  pending: 'pending review',
  private: 'private',
  trash: 'trashed',
  future: 'scheduled (not yet published)',
  'auto-draft': 'auto-draft',
  inherit: 'revision',
}

export function planImport(source: Source, options: { locales: string[]; defaultLocale: string; locale: string; limit?: number }): Planned {
  const skipped: Planned['skipped'] = []
  const problems: Planned['problems'] = []
  const attachments = new Map<string, SourceItem>()
  const byId = new Map<string, SourceItem>()
  const seenGuids = new Map<string, SourceItem>()
  const candidates: SourceItem[] = []
  for (const item of source.items) {
    const url = item.link || item.guid
    if (item.kind === 'attachment') {
      if (item.id) attachments.set(item.id, item)
      continue
    }
    if (item.kind !== 'post' && item.kind !== 'page') {
      skipped.push({ kind: String(item.kind || 'unknown'), reason: `post type "${item.kind}" is not imported`, url })
      continue
    }
    if (!item.guid) {
      problems.push({ url, message: 'has no GUID (or link): cannot be imported idempotently, skipped' })
      skipped.push({ kind: item.kind, reason: 'no GUID', url })
      continue
    }
    const first = seenGuids.get(item.guid)
    if (first) {
      problems.push({ url, message: `duplicate GUID ${item.guid} (also "${first.title}"): the second item is skipped` })
      skipped.push({ kind: item.kind, reason: 'duplicate GUID', url })
      continue
    }
    seenGuids.set(item.guid, item)
    if (item.status !== 'publish') {
      skipped.push({ kind: item.kind, reason: statusReason[item.status] ?? `status "${item.status}"`, url })
      continue
    }
    if (item.passwordProtected) {
      skipped.push({ kind: item.kind, reason: 'password-protected', url })
      continue
    }
    if (item.id) byId.set(item.id, item)
    candidates.push(item)
  }

  const grouped = new Map<string, SourceItem[]>()
  const order: string[] = []
  for (const item of candidates) {
    const key = `${item.kind}:${groupKeyOf(item, byId) ?? `single:${item.guid}`}`
    if (!grouped.has(key)) order.push(key)
    grouped.set(key, [...(grouped.get(key) ?? []), item])
  }

  const groups: Group[] = []
  for (const key of order) {
    const items = grouped.get(key)!
    const members: Member[] = []
    for (const item of items) {
      const url = item.link || item.guid
      const language = languageOf(item) ?? options.locale
      if (!options.locales.includes(language)) {
        problems.push({ url, message: `is in "${language}", which this mission does not publish (it publishes ${options.locales.join(', ')}): skipped` })
        skipped.push({ kind: item.kind, reason: `language "${language}" not published by the mission`, url })
        continue
      }
      if (members.some((m) => m.locale === language)) {
        problems.push({ url, message: `is a second "${language}" version in its translation group: skipped` })
        skipped.push({ kind: item.kind, reason: 'second version in the same language', url })
        continue
      }
      members.push({ locale: language, item, slug: '' })
    }
    if (!members.length) continue
    // The original of a WPML duplicate, else the mission's default language, else the first.
    const duplicated = new Set(members.map((m) => m.item.meta[WPML_DUPLICATE_OF]).filter(Boolean))
    const primary = members.find((m) => m.item.id && duplicated.has(m.item.id)) ?? members.find((m) => m.locale === options.defaultLocale) ?? members[0]!
    groups.push({
      kind: items[0]!.kind as 'post' | 'page',
      key: `${source.system}:${primary.item.guid}`,
      primary,
      members: [primary, ...members.filter((m) => m !== primary)],
    })
    if (options.limit !== undefined && groups.length >= options.limit) break
  }
  // Slugs unique within the run (feeds have none of their own: titles repeat); clashes with content already in the CMS are settled on write.
  const taken = new Set<string>()
  for (const g of groups) {
    for (const m of g.members) {
      const base = slugify(m.item.slug || decodeEntities(m.item.title)) || slugify(m.item.guid) || `item-${m.item.id ?? groups.indexOf(g)}`
      let slug = base
      for (let n = 2; taken.has(`${g.kind}:${m.locale}:${slug}`); n++) slug = `${base}-${n}`
      if (slug !== base)
        problems.push({ url: m.item.link || m.item.guid, message: `slug "${base}" is used by another item of this import: imported as "${slug}"` })
      taken.add(`${g.kind}:${m.locale}:${slug}`)
      m.slug = slug
    }
  }
  return { groups, skipped, problems, attachments }
}

/** A URL of the old site as a path relative to the mission root (with its query), or null if it is elsewhere. */
export function oldPath(url: string, siteUrl: string | null): string | null {
  if (!url) return null
  let u: URL
  try {
    u = new URL(url, siteUrl ?? undefined)
  } catch {
    return null
  }
  if (siteUrl) {
    try {
      if (new URL(siteUrl).hostname.replace(/^www\./, '') !== u.hostname.replace(/^www\./, '')) return null
    } catch {
      // no usable site address: take the URL as it is
    }
  }
  if (!/^https?:$/.test(u.protocol)) return null
  // Stored as text (…/tin-tức/, not …/tin-t%E1%BB%A9c/): servers compare the decoded request path.
  let pathname = u.pathname || '/'
  try {
    pathname = decodeURI(pathname)
  } catch {
    // keep it encoded
  }
  return `${pathname}${u.search}`
}

/** The attachments an item owns (uploaded to it) or shows as its featured image. */
export function attachmentsOfItem(item: SourceItem, attachments: Map<string, SourceItem>, byParent: Map<string, SourceItem[]>): SourceItem[] {
  const own = item.id ? (byParent.get(item.id) ?? []) : []
  const thumb = item.meta._thumbnail_id ? attachments.get(item.meta._thumbnail_id) : undefined
  return thumb && !own.includes(thumb) ? [...own, thumb] : own
}

export function attachmentsByParent(attachments: Map<string, SourceItem>): Map<string, SourceItem[]> {
  const byParent = new Map<string, SourceItem[]>()
  for (const a of attachments.values()) if (a.parent && a.parent !== '0') byParent.set(a.parent, [...(byParent.get(a.parent) ?? []), a])
  return byParent
}

/** Every old address of one imported item: permalink, GUID, ?p=ID (?page_id=ID for pages), and its attachment pages. */
export function oldPathsOf(item: SourceItem, siteUrl: string | null, related: SourceItem[]): string[] {
  const paths = new Set<string>()
  const add = (p: string | null) => p && paths.add(p)
  add(oldPath(item.link, siteUrl))
  if (/^https?:/.test(item.guid)) add(oldPath(item.guid, siteUrl))
  if (item.id) {
    add(`/?p=${item.id}`)
    if (item.kind === 'page') add(`/?page_id=${item.id}`)
    for (const a of related) {
      add(oldPath(a.link, siteUrl))
      if (a.id) add(`/?attachment_id=${a.id}`)
    }
  }
  paths.delete('/')
  return [...paths].sort()
}
