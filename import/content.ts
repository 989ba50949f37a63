import sanitizeHtml from 'sanitize-html'
import { convertHTMLToLexical, type SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import { withDOM } from '@lexical/headless/dom'
import { sanitizeBodyHtml } from '../pipeline/sanitize'

/**
 * Post HTML → the project's rich text. The HTML goes through the same allow-list as every
 * article body on its way to the public site (pipeline/sanitize.ts), then Payload's own
 * HTML → Lexical converter. What had to go (scripts, event handlers, shortcodes, unknown
 * blocks, inline images the body cannot show) is reported per item, never silently lost.
 */

/** Embeds kept — as a link to the original — when they come from these hosts. */
const EMBED_HOSTS = [
  'youtube.com',
  'youtu.be',
  'vimeo.com',
  'facebook.com',
  'x.com',
  'twitter.com',
  'instagram.com',
  'flickr.com',
  'soundcloud.com',
  'spotify.com',
]

/** Gutenberg blocks whose HTML the body shows as it is (after the allow-list). */
const TEXT_BLOCKS = new Set([
  'paragraph',
  'heading',
  'list',
  'list-item',
  'quote',
  'pullquote',
  'separator',
  'preformatted',
  'code',
  'verse',
  'freeform',
  'group',
  'columns',
  'column',
  'spacer',
  'more',
  'nextpage',
  'table',
])
const IMAGE_BLOCKS = new Set(['image', 'gallery', 'media-text', 'cover'])

/** Shortcodes that are known to be shortcodes even without attributes or a closing tag. */
const KNOWN_SHORTCODES = new Set([
  'gallery',
  'caption',
  'embed',
  'audio',
  'video',
  'playlist',
  'wp_caption',
  'contact-form-7',
  'contact-form',
  'ngg',
  'slider',
  'fusion_builder_container',
])

export type Converted = {
  lexical: Record<string, unknown>
  /** The sanitized HTML (for the change hash and the summary). */
  html: string
  /** Image URLs found in the body (the first can serve as hero). */
  images: { src: string; alt: string }[]
  problems: string[]
}

const isEmbedAllowed = (url: string) => {
  try {
    const host = new URL(url).hostname.replace(/^www\./, '')
    return url.startsWith('https://') && EMBED_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))
  } catch {
    return false
  }
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
const linkParagraph = (url: string) => `<p><a href="${escapeAttr(url)}">${escapeAttr(url)}</a></p>`

/** Gutenberg's block comments: known text blocks keep their HTML; images, embeds and unknown blocks are handled or reported. */
function gutenberg(html: string, problems: string[], images: Converted['images']): string {
  if (!html.includes('<!-- wp:')) return html
  const unknown = new Map<string, number>()
  // Self-closing blocks (<!-- wp:latest-posts {…} /-->) render server-side on WordPress: nothing to keep.
  let out = html.replace(/<!--\s+wp:([a-z0-9/-]+)(\s+(\{(?:(?!-->)[\s\S])*?\}))?\s+\/-->/g, (_, name: string) => {
    unknown.set(name, (unknown.get(name) ?? 0) + 1)
    return ''
  })
  // Blocks with content, innermost first: embeds become links, images are collected, unknown blocks kept if safe.
  const block = /<!--\s+wp:([a-z0-9/-]+)(?:\s+(\{(?:(?!-->)[\s\S])*?\}))?\s+-->((?:(?!<!--\s+wp:)[\s\S])*?)<!--\s+\/wp:\1\s+-->/g
  for (let guard = 0; guard < 50 && /<!--\s+wp:/.test(out); guard++) {
    const next = out.replace(block, (_, rawName: string, attrs: string | undefined, inner: string) => {
      const name = rawName.replace(/^core\//, '')
      let parsed: Record<string, unknown> = {}
      try {
        parsed = attrs ? (JSON.parse(attrs) as Record<string, unknown>) : {}
      } catch {
        // attributes are only hints; the inner HTML is what counts
      }
      if (TEXT_BLOCKS.has(name)) return inner
      if (IMAGE_BLOCKS.has(name)) {
        const markers = [...inner.matchAll(/<img\b[^>]*>/gi)].map((m) => imageMarker(m[0], images)).join('')
        const caption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner)?.[1]
        return `${markers}${caption ? `<p>${caption}</p>` : ''}`
      }
      if (name === 'embed' || name.startsWith('embed/') || name.startsWith('core-embed/')) {
        const url = String(parsed.url ?? /https?:\/\/[^\s<"]+/.exec(inner)?.[0] ?? '')
        if (url && isEmbedAllowed(url)) return linkParagraph(url)
        problems.push(`embed ${url || '(no URL)'} dropped: not from an allowed provider (${EMBED_HOSTS.join(', ')})`)
        return ''
      }
      if (name === 'html' || name === 'shortcode') return inner
      // Unknown block: keep its HTML only if the allow-list would keep all of it.
      const clean = sanitizeBodyHtml(inner)
      if (clean.replace(/\s+/g, '') === inner.replace(/\s+/g, '')) return inner
      unknown.set(name, (unknown.get(name) ?? 0) + 1)
      return sanitizeHtml(inner, { allowedTags: [], allowedAttributes: {} }).trim()
        ? `<p>${sanitizeHtml(inner, { allowedTags: [], allowedAttributes: {} }).trim()}</p>`
        : ''
    })
    if (next === out) break
    out = next
  }
  out = out.replace(/<!--\s+\/?wp:[\s\S]*?-->/g, '')
  for (const [name, n] of unknown)
    problems.push(`block "${name}"${n > 1 ? ` ×${n}` : ''} not kept as it was (dynamic or unsafe HTML); its text, if any, kept as a paragraph`)
  return out
}

/** [shortcode attr="…"]…[/shortcode]: tags removed (embeds kept as links), enclosed text kept, names reported. */
function shortcodes(html: string, problems: string[]): string {
  const found = new Map<string, number>()
  const closing = new Set([...html.matchAll(/\[\/([a-zA-Z][\w-]*)\]/g)].map((m) => m[1]!))
  let out = html.replace(/\[embed\]([^[]+)\[\/embed\]/gi, (_, url: string) => {
    found.set('embed', (found.get('embed') ?? 0) + 1)
    return isEmbedAllowed(url.trim()) ? linkParagraph(url.trim()) : ''
  })
  out = out.replace(/\[(\/)?([a-zA-Z][\w-]*)((?:\s+[^\]]*)?)\]/g, (whole, close: string | undefined, name: string, attrs: string) => {
    const isShortcode = KNOWN_SHORTCODES.has(name.toLowerCase()) || closing.has(name) || /=/.test(attrs)
    if (!isShortcode) return whole
    if (!close) found.set(name, (found.get(name) ?? 0) + 1)
    return ''
  })
  for (const [name, n] of found) problems.push(`shortcode [${name}]${n > 1 ? ` ×${n}` : ''} removed`)
  return out
}

/** What the allow-list is about to strip that matters to a reviewer: scripts, event handlers, javascript: links, frames. */
function hostile(html: string, problems: string[]) {
  const counts = new Map<string, number>()
  const add = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1)
  sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    transformTags: {
      '*': (tagName, attribs) => {
        if (['script', 'iframe', 'object', 'embed', 'form', 'style', 'link', 'meta', 'base', 'svg', 'math'].includes(tagName)) add(`<${tagName}>`)
        for (const [k, v] of Object.entries(attribs)) {
          if (/^on/i.test(k)) add(`${k} handler`)
          else if (/^\s*(javascript|vbscript|data):/i.test(v)) add(`${k}="${v.split(':')[0]!.trim().toLowerCase()}:…"`)
        }
        return { tagName, attribs }
      },
    },
  })
  for (const [what, n] of counts) problems.push(`removed ${what}${n > 1 ? ` ×${n}` : ''} (unsafe HTML)`)
}

/** WordPress stores classic-editor posts without <p>: blank lines are paragraphs, single newlines line breaks (as wpautop). */
function autop(html: string): string {
  if (/<(p|div|h[1-6]|ul|ol|blockquote|table|figure)[\s>]/i.test(html)) return html
  return html
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => `<p>${chunk.replace(/\n/g, '<br>')}</p>`)
    .join('\n')
}

/**
 * Body images stand in the HTML as a paragraph of their own holding this text (which no editor
 * produces) and their index; the import uploads each and puts an upload node in its place
 * (import/run.ts, placeBodyImages).
 */
export const IMAGE_MARKER = '\u2063import-image:'

function imageMarker(tag: string, images: Converted['images']): string {
  const src = /\ssrc="([^"]+)"/i.exec(tag)?.[1]
  if (!src) return ''
  images.push({ src: decodeEntities(src), alt: decodeEntities(/\salt="([^"]*)"/i.exec(tag)?.[1] ?? '') })
  return `<p>${IMAGE_MARKER}${images.length - 1}</p>`
}

export function convertBody(raw: string, editorConfig: SanitizedServerEditorConfig): Converted {
  const problems: string[] = []
  const images: Converted['images'] = []
  let html = gutenberg(raw, problems, images)
  html = shortcodes(html, problems)
  html = autop(html)
  // Classic-editor images, anywhere in the HTML: a marker paragraph of their own, in place.
  html = html.replace(/<img\b[^>]*>/gi, (tag) => `</p>${imageMarker(tag, images)}<p>`).replace(/<p>\s*<\/p>/g, '')
  hostile(html, problems)
  // h1 is the page title on the site: body headings start at h2.
  html = html.replace(/<(\/?)h1(\s|>)/gi, '<$1h2$2')
  // A link the allow-list emptied (javascript:…) stays as its text; the editor refuses links without a URL or with spaces.
  const clean = sanitizeBodyHtml(html)
    .replace(/<a((?:\s+(?!href=)[a-z-]+="[^"]*")*)\s*>([\s\S]*?)<\/a>/gi, '$2')
    .replace(/(<a\b[^>]*\shref=")([^"]*)"/gi, (_, head: string, href: string) => `${head}${href.trim().replace(/ /g, '%20')}"`)
    .trim()
  const lexical = withDOM((window) =>
    convertHTMLToLexical({
      editorConfig,
      html: clean,
      JSDOM: class {
        window: { document: Document }
        constructor(source: string) {
          this.window = { document: new window.DOMParser().parseFromString(source, 'text/html') }
        }
      },
    }),
  ) as unknown as Record<string, unknown>
  return { lexical, html: clean, images, problems }
}

/** Plain text of HTML (entities decoded), whitespace collapsed. */
export function plainText(html: string): string {
  const stripped = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
  return decodeEntities(stripped).replace(/\s+/g, ' ').trim()
}

export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#039;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&hellip;/g, '…')
    .replace(/&ndash;/g, '–')
    .replace(/&mdash;/g, '—')
    .replace(/&amp;/g, '&')
}

const SUMMARY_MAX = 300

/** The excerpt, else the body's first paragraph, cut at a word boundary. */
export function summaryOf(excerpt: string, cleanHtml: string): { summary: string; generated: boolean } {
  const fromExcerpt = plainText(shortcodes(excerpt, []))
  if (fromExcerpt) return { summary: cut(fromExcerpt), generated: false }
  const first = /<p[^>]*>([\s\S]*?)<\/p>/i.exec(cleanHtml)?.[1] ?? cleanHtml
  return { summary: cut(plainText(first)), generated: true }
}

function cut(text: string): string {
  if (text.length <= SUMMARY_MAX) return text
  const head = text.slice(0, SUMMARY_MAX)
  return `${head.slice(0, Math.max(head.lastIndexOf(' '), SUMMARY_MAX - 40)).trimEnd()}…`
}
