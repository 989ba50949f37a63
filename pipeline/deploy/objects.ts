import { createHash } from 'node:crypto'
import { createReadStream, readdirSync } from 'node:fs'
import path from 'node:path'
import { lookup } from 'mrmime'
import { cacheKindOf, isImmutable, isPage, objectCacheControl } from '#core/siteHeaders'
import { LOCALE_DIR } from '#core/siteRouting'

/** The file set of one mission's site: path (relative, '/'-separated) → content hash and size. */
export type FileEntry = {
  sha256: string
  size: number
  /** A page with the alert banner baked in (ALERT_DELIVERY=baked): the hash of the page as built, with its marker. */
  source?: string
}
export type Manifest = { files: Record<string, FileEntry> }

export type ObjectHeaders = { contentType: string; contentLanguage?: string; cacheControl: string }

export { isImmutable, isPage }

// Cache rules are the sites' one source (core/siteHeaders.ts): the browser's TTL and s-maxage for shared caches.
export const CACHE_PAGE = objectCacheControl('page')
export const CACHE_IMMUTABLE = objectCacheControl('immutable')
export const CACHE_OTHER = objectCacheControl('other')
export const CACHE_ALERTS = objectCacheControl('alerts')

export function headersFor(file: string): ObjectHeaders {
  const type = lookup(file) ?? 'application/octet-stream'
  const textual = type.startsWith('text/') || /(json|xml|javascript|svg)/.test(type)
  const locale = file.split('/')[0]!
  return {
    contentType: textual ? `${type}; charset=utf-8` : type,
    // Pages under /<locale>/ are in that language; assets are language-neutral.
    contentLanguage: isPage(file) && LOCALE_DIR.test(locale) ? locale : undefined,
    cacheControl: objectCacheControl(cacheKindOf(file)),
  }
}

/**
 * Surrogate keys (Fastly) / cache tags of a mission's file: the mission, the mission's kind of
 * file, and the file itself, so a purge can name one file, all pages, or the whole mission.
 */
export const surrogateKeysFor = (code: string, file: string) => [code, `${code}/${cacheKindOf(file)}`, surrogateKeyOfFile(code, file)]
export const surrogateKeyOfFile = (code: string, file: string) => `${code}/${file.replace(/(^|\/)index\.html$/, '$1')}`.replace(/\s/g, '%20')

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
  })
}

/** Paths of the files under `dir`, relative to it with `/`, in a stable order. */
export function* walk(dir: string, prefix = ''): Generator<string> {
  for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${d.name}` : d.name
    if (d.isDirectory()) yield* walk(path.join(dir, d.name), rel)
    else if (d.isFile()) yield rel
  }
}

/** Hashes every file of a built mission site. */
export async function manifestOf(siteDir: string): Promise<Manifest> {
  const files: Record<string, FileEntry> = {}
  const { statSync } = await import('node:fs')
  for (const rel of walk(siteDir)) {
    const abs = path.join(siteDir, rel)
    files[rel] = { sha256: await sha256File(abs), size: statSync(abs).size }
  }
  return { files }
}

/** Public URLs a reader uses for a file: a directory index is fetched as its folder URL too. */
export function urlsFor(siteUrl: string, file: string): string[] {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`
  if (file === 'index.html') return [base, `${base}index.html`]
  if (file.endsWith('/index.html')) return [`${base}${file.slice(0, -'index.html'.length)}`, `${base}${file}`]
  return [`${base}${file}`]
}
