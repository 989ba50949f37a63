import { XMLParser, XMLValidator } from 'fast-xml-parser'

/**
 * Source formats the importer reads, parsed into one shape: WordPress eXtended RSS (WXR 1.1 and
 * 1.2, Tools → Export), RSS 2.0 and Atom 1.0 feeds. Bad input (not XML, truncated, an HTML page
 * instead of a feed) is refused here with a message naming the line, before anything is written.
 */

export type SourceKind = 'post' | 'page' | 'attachment'

export type SourceTerm = { domain: string; slug: string; name: string }

export type SourceItem = {
  kind: SourceKind
  /** WordPress post ID (WXR only). */
  id?: string
  guid: string
  title: string
  /** The item's public URL on the old site. */
  link: string
  slug: string
  status: string
  /** ISO instants. */
  date: string | null
  modified: string | null
  html: string
  excerpt: string
  terms: SourceTerm[]
  authors: string[]
  sticky: boolean
  /** WordPress password-protected posts: never made public by an import. */
  passwordProtected?: boolean
  parent?: string
  /** Attachments: the file's URL. */
  attachmentUrl?: string
  /** WordPress custom fields (_thumbnail_id, _wp_attachment_image_alt, WPML's language and trid…). */
  meta: Record<string, string>
  /** Feed enclosures / media:content images. */
  imageUrl?: string
}

export type Source = {
  system: 'wordpress' | 'feed'
  format: string
  /** The old site's address (WXR base_site_url / the feed's link): links on it become redirects. */
  siteUrl: string | null
  items: SourceItem[]
  /** Polylang: post_translations term slug → its member post IDs by language. */
  translationTerms: Map<string, Record<string, string>>
}

export class SourceError extends Error {}

const asArray = new Set([
  'item',
  'category',
  'wp:postmeta',
  'wp:category',
  'wp:term',
  'wp:tag',
  'wp:author',
  'entry',
  'link',
  'author',
  'media:content',
  'enclosure',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => asArray.has(name),
  htmlEntities: true,
})

/** Text of a parsed node (string, or an object with #text when it had attributes). */
const text = (v: unknown): string => {
  if (v == null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return text(v[0])
  if (typeof v === 'object') return text((v as Record<string, unknown>)['#text'])
  return ''
}
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v : v == null ? [] : [v]) as Record<string, unknown>[]

/** A WordPress local time or RFC 822 / ISO date as an ISO instant, or null. WordPress writes 0000-00-00 00:00:00 for "none". */
function instant(value: string, assumeUtc = false): string | null {
  if (!value || value.startsWith('0000-00-00')) return null
  const iso = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value) ? `${value.replace(' ', 'T')}${assumeUtc ? 'Z' : ''}` : value
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

/** Parses an export or feed; throws SourceError with a readable message for anything else. */
export function parseSource(xml: string, origin: string): Source {
  const head = xml.slice(0, 2000).trimStart().toLowerCase()
  if (!head) throw new SourceError(`${origin} is empty.`)
  if (/^(<!doctype html|<html)/.test(head) || (/<html[\s>]/.test(head) && !/<(rss|feed|rdf:rdf)[\s>]/.test(head))) {
    throw new SourceError(
      `${origin} is an HTML page, not a feed or WordPress export. Give the feed's own address (often …/feed/ or …/rss.xml) or the export file.`,
    )
  }
  if (/<!entity/i.test(xml.slice(0, 20000))) throw new SourceError(`${origin} declares XML entities; such files are refused (they can expand without bound).`)
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true })
  if (valid !== true) {
    const { line, col, msg } = valid.err
    throw new SourceError(
      `${origin} is not well-formed XML (line ${line}, column ${col}: ${msg}). Is the file complete? A truncated export must be downloaded again.`,
    )
  }
  const doc = parser.parse(xml) as Record<string, any>
  if (doc.rss) {
    const channel = list(doc.rss.channel)[0] ?? {}
    const wxr = text(channel['wp:wxr_version'])
    if (wxr) return parseWxr(channel, wxr)
    return parseRss(channel)
  }
  if (doc.feed) return parseAtom(doc.feed)
  if (doc['rdf:RDF']) throw new SourceError(`${origin} is an RSS 1.0 (RDF) feed; export RSS 2.0 or Atom instead.`)
  throw new SourceError(
    `${origin} is XML but neither a WordPress export (WXR), an RSS 2.0 nor an Atom feed (root element <${Object.keys(doc).find((k) => !k.startsWith('?')) ?? '?'}>).`,
  )
}

function parseWxr(channel: Record<string, any>, version: string): Source {
  if (!['1.0', '1.1', '1.2'].includes(version)) throw new SourceError(`WXR version ${version} is not supported (1.1 and 1.2 are).`)
  const translationTerms = new Map<string, Record<string, string>>()
  for (const term of list(channel['wp:term'])) {
    if (text(term['wp:term_taxonomy']) !== 'post_translations') continue
    translationTerms.set(text(term['wp:term_slug']), phpStringIntMap(text(term['wp:term_description'])))
  }
  const authors = new Map(list(channel['wp:author']).map((a) => [text(a['wp:author_login']), text(a['wp:author_display_name']) || text(a['wp:author_login'])]))
  const items = list(channel.item).map((item): SourceItem => {
    const meta = Object.fromEntries(list(item['wp:postmeta']).map((m) => [text(m['wp:meta_key']), text(m['wp:meta_value'])]))
    const type = text(item['wp:post_type'])
    const creator = text(item['dc:creator'])
    return {
      kind: type === 'page' ? 'page' : type === 'attachment' ? 'attachment' : (type as SourceKind),
      id: text(item['wp:post_id']),
      guid: text(item.guid),
      title: text(item.title),
      link: text(list(item.link)[0]),
      slug: decodeSlug(text(item['wp:post_name'])),
      status: text(item['wp:status']),
      date: instant(text(item['wp:post_date_gmt']), true) ?? instant(text(item['wp:post_date'])) ?? instant(text(item.pubDate)),
      modified: instant(text(item['wp:post_modified_gmt']), true) ?? instant(text(item['wp:post_modified'])),
      html: text(item['content:encoded']),
      excerpt: text(item['excerpt:encoded']),
      terms: list(item.category).map((c) => ({ domain: String(c['@_domain'] ?? 'category'), slug: String(c['@_nicename'] ?? ''), name: text(c) })),
      authors: creator ? [authors.get(creator) ?? creator] : [],
      sticky: text(item['wp:is_sticky']) === '1',
      passwordProtected: Boolean(text(item['wp:post_password'])),
      parent: text(item['wp:post_parent']) || undefined,
      attachmentUrl: text(item['wp:attachment_url']) || undefined,
      meta,
    }
  })
  return {
    system: 'wordpress',
    format: `WXR ${version}`,
    siteUrl: text(channel['wp:base_site_url']) || text(list(channel.link)[0]) || null,
    items,
    translationTerms,
  }
}

/** Polylang keeps a translation group as a PHP-serialized array: a:2:{s:2:"en";i:12;s:2:"vi";i:13;} → { en: '12', vi: '13' }. */
function phpStringIntMap(serialized: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of serialized.matchAll(/s:\d+:"([^"]+)";i:(\d+);/g)) out[m[1]!] = m[2]!
  return out
}

const decodeSlug = (slug: string) => {
  try {
    return decodeURIComponent(slug)
  } catch {
    return slug
  }
}

function parseRss(channel: Record<string, any>): Source {
  const items = list(channel.item).map((item): SourceItem => {
    const link = text(list(item.link)[0])
    const image =
      list(item['media:content']).find((m) => String(m['@_medium'] ?? m['@_type'] ?? 'image').startsWith('image'))?.['@_url'] ??
      list(item.enclosure).find((e) => String(e['@_type'] ?? '').startsWith('image/'))?.['@_url']
    return {
      kind: 'post',
      guid: text(item.guid) || link,
      title: text(item.title),
      link,
      slug: '',
      status: 'publish',
      date: instant(text(item.pubDate)) ?? instant(text(item['dc:date'])),
      modified: null,
      html: text(item['content:encoded']) || text(item.description),
      excerpt: text(item['content:encoded']) ? text(item.description) : '',
      terms: list(item.category).map((c) => ({ domain: 'category', slug: '', name: text(c) })),
      authors: [text(item['dc:creator']) || rssAuthorName(text(item.author))].filter(Boolean),
      sticky: false,
      meta: {},
      imageUrl: image ? String(image) : undefined,
    }
  })
  return { system: 'feed', format: 'RSS 2.0', siteUrl: text(list(channel.link)[0]) || null, items, translationTerms: new Map() }
}

/** RSS 2.0 <author> is an e-mail address, usually with the name: "press@embassy.example (Press Office)" → "Press Office". */
function rssAuthorName(author: string): string {
  const named = /\(([^)]+)\)\s*$/.exec(author)?.[1]?.trim()
  if (named) return named
  return author.includes('@') ? '' : author.trim()
}

function parseAtom(feed: Record<string, any>): Source {
  const alternate = (links: unknown) => {
    const all = list(links)
    const l = all.find((x) => (x['@_rel'] ?? 'alternate') === 'alternate') ?? all[0]
    return l ? String(l['@_href'] ?? '') : ''
  }
  const items = list(feed.entry).map((e): SourceItem => {
    const link = alternate(e.link)
    const enclosure = list(e.link).find((x) => x['@_rel'] === 'enclosure' && String(x['@_type'] ?? '').startsWith('image/'))
    return {
      kind: 'post',
      guid: text(e.id) || link,
      title: text(e.title),
      link,
      slug: '',
      status: 'publish',
      date: instant(text(e.published)) ?? instant(text(e.updated)),
      modified: instant(text(e.updated)),
      html: text(e.content) || text(e.summary),
      excerpt: text(e.content) ? text(e.summary) : '',
      terms: list(e.category).map((c) => ({ domain: 'category', slug: String(c['@_term'] ?? ''), name: String(c['@_label'] ?? c['@_term'] ?? '') })),
      authors: list(e.author)
        .map((a) => text(a.name))
        .filter(Boolean),
      sticky: false,
      meta: {},
      imageUrl: enclosure ? String(enclosure['@_href']) : undefined,
    }
  })
  return { system: 'feed', format: 'Atom', siteUrl: alternate(feed.link) || null, items, translationTerms: new Map() }
}
