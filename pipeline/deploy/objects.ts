import { createHash } from 'node:crypto'
import { createReadStream, readdirSync } from 'node:fs'
import path from 'node:path'
import { lookup } from 'mrmime'

/** The file set of one mission's site: path (relative, '/'-separated) → content hash and size. */
export type FileEntry = { sha256: string; size: number }
export type Manifest = { files: Record<string, FileEntry> }

export type ObjectHeaders = { contentType: string; contentLanguage?: string; cacheControl: string }

/** Documents readers navigate to or poll: they change in place, so caches keep them briefly. */
export const isPage = (file: string) => /\.(html|xml|json|txt|webmanifest)$/.test(file)
/**
 * Files whose name changes when their content does (media/ derivatives are named by content
 * hash, Astro's _astro/ bundles carry a hash), so caches may keep them for a year.
 */
export const isImmutable = (file: string) => /^(media|_astro)\//.test(file)

export const CACHE_PAGE = 'public, max-age=60, stale-while-revalidate=300'
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable'
export const CACHE_OTHER = 'public, max-age=300, stale-while-revalidate=600'

// A top-level folder named like a BCP 47 tag (vi, en, zh-Hant, pt-BR) holds one language's pages.
const LOCALE_DIR = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/

export function headersFor(file: string): ObjectHeaders {
  const type = lookup(file) ?? 'application/octet-stream'
  const textual = type.startsWith('text/') || /(json|xml|javascript|svg)/.test(type)
  const locale = file.split('/')[0]!
  return {
    contentType: textual ? `${type}; charset=utf-8` : type,
    // Pages under /<locale>/ are in that language; assets are language-neutral.
    contentLanguage: isPage(file) && LOCALE_DIR.test(locale) ? locale : undefined,
    cacheControl: isImmutable(file) ? CACHE_IMMUTABLE : isPage(file) ? CACHE_PAGE : CACHE_OTHER,
  }
}

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
