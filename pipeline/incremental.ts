import { createHash } from 'node:crypto'
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { projectRoot } from '#core/config'
import { siteProjectDir } from '#core/paths'
import { walk } from './deploy/objects'
import { htmlFiles } from './searchIndex'
import { readArticles } from '#core/articleFiles'
import { eventOver } from '#core/exportContract'
import { EXPORTED_REDIRECTS } from './exportRedirects'
import { REDIRECTS_FILE } from '#core/redirectsFile'

/**
 * The pipeline's half of per-page incremental rendering (the routes' half, and the rule that
 * makes it sound, is in site/src/routing/incremental.ts). Per mission it keeps a manifest of
 * page → fingerprint of the last published build. A build hands the valid manifests to Astro,
 * which renders only pages whose fingerprint changed; `completeOutput` then copies the others
 * from the live site, so the published folder is always a whole site.
 *
 * A manifest is only trusted while it describes the live folder: it records the template hash
 * and the identity (inode, birth time) of the dist/sites/<code> folder it was written for. A template or UI-string change, a
 * site folder replaced by anything but the pipeline (restore, manual copy) or a missing
 * manifest means a full render of that mission.
 */
export type BuildManifest = {
  templateHash: string
  /** Identity (inode and birth time) of the site folder this manifest describes: new with every swap. */
  siteDir: string
  /** Hash of everything the mission's pages were built from (missionInputsHash); equal inputs need no build at all. */
  inputsHash?: string
  /** HTML pages of the site folder, the always-rendered ones (home, search, 404) included. */
  pageCount?: number
  pages: Record<string, string>
}

export type ManifestEntry = { file: string; fingerprint: string; rendered: boolean }

/** Env that templates read: part of the template hash (SITE_PORT is where the local server listens, not what pages say). */
const TEMPLATE_ENV = /^(SITE_(?!PORT$)|ANALYTICS_)/

const filesUnder = (dir: string): string[] => [...walk(dir)].map((rel) => path.join(dir, rel))

/** Hash of everything besides content that shapes a page: templates, UI strings, Astro's version, SITE_* and ANALYTICS_* env. */
export function templateHash(): string {
  const hash = createHash('sha1')
  // Everything the templates import: site/src, the modules beside it (analytics.ts, the Astro
  // config), UI strings and the shared kernel (locales, the export contract).
  const sources = [
    ...filesUnder(path.join(siteProjectDir, 'src')),
    ...readdirSync(siteProjectDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(siteProjectDir, f)),
    ...filesUnder(path.join(projectRoot, 'locales')),
    ...filesUnder(path.join(projectRoot, 'core')),
    path.join(projectRoot, 'node_modules', 'astro', 'package.json'),
  ]
  for (const file of sources) hash.update(path.relative(projectRoot, file)).update(readFileSync(file))
  for (const [k, v] of Object.entries(process.env)
    .filter(([k]) => TEMPLATE_ENV.test(k))
    .sort())
    hash.update(`${k}=${v}`)
  return hash.digest('hex')
}

const folderIdentity = (dir: string) => {
  const s = statSync(dir)
  return `${s.ino}:${s.birthtimeMs || s.ctimeMs}`
}

export const manifestsDir = (sitesDir: string) => path.join(path.dirname(sitesDir), '.manifests', path.basename(sitesDir))
const manifestFile = (sitesDir: string, code: string) => path.join(manifestsDir(sitesDir), `${code}.json`)

/** The mission's manifest if it still describes its live site folder under the current templates, else null. */
export function validManifest(sitesDir: string, code: string, hash = templateHash()): BuildManifest | null {
  const file = manifestFile(sitesDir, code)
  const site = path.join(sitesDir, code)
  if (!existsSync(file) || !existsSync(site)) return null
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as BuildManifest
    return manifest.templateHash === hash && manifest.siteDir === folderIdentity(site) ? manifest : null
  } catch {
    return null // unreadable: render in full and write a new one
  }
}

/** Reads what the routes recorded for one mission (one JSON line per page; the last line for a file wins). */
export function readRecordedEntries(manifestOutDir: string, code: string): ManifestEntry[] {
  const file = path.join(manifestOutDir, `${code}.jsonl`)
  if (!existsSync(file)) return []
  const byFile = new Map<string, ManifestEntry>()
  for (const line of readFileSync(file, 'utf8').split('\n'))
    if (line) {
      const entry = JSON.parse(line) as ManifestEntry
      byFile.set(entry.file, entry)
    }
  return [...byFile.values()]
}

/**
 * Makes `builtDir` a whole site: copies every page Astro skipped (unchanged fingerprint) from
 * the live site. Returns how many were copied. Throws, naming the file, if one is missing —
 * the mission's build then fails and the live site stays as it was.
 */
export function completeOutput(options: { builtDir: string; liveDir: string; entries: ManifestEntry[] }): number {
  let copied = 0
  for (const entry of options.entries) {
    if (entry.rendered) continue
    const from = path.join(options.liveDir, entry.file)
    const to = path.join(options.builtDir, entry.file)
    if (!existsSync(from))
      throw new Error(
        `Incremental build: unchanged page ${entry.file} is missing from the live site ${options.liveDir}; run a full build (npm run build:sites -- --full).`,
      )
    mkdirSync(path.dirname(to), { recursive: true })
    // A hard link, not a copy: published files are never changed in place, and the live folder is
    // removed after the swap, so the new site simply keeps the same bytes.
    try {
      linkSync(from, to)
    } catch {
      copyFileSync(from, to) // another file system, or links not supported
    }
    copied++
  }
  return copied
}

/** Records the manifest of a just-published site folder (written atomically). */
export function saveManifest(
  sitesDir: string,
  code: string,
  entries: ManifestEntry[],
  hash = templateHash(),
  built?: { inputsHash: string | undefined; pageCount: number },
) {
  const file = manifestFile(sitesDir, code)
  mkdirSync(path.dirname(file), { recursive: true })
  const manifest: BuildManifest = {
    templateHash: hash,
    siteDir: folderIdentity(path.join(sitesDir, code)),
    inputsHash: built?.inputsHash,
    pageCount: built?.pageCount,
    pages: Object.fromEntries(entries.map((e) => [e.file, e.fingerprint]).sort(([a], [b]) => a!.localeCompare(b!))),
  }
  writeFileSync(`${file}.tmp`, JSON.stringify(manifest))
  renameSync(`${file}.tmp`, file)
}

/**
 * Hash of everything a mission's site is built from: its exported content (the JSON files Astro
 * reads; images are named by content hash there), the template hash, and what the pages take from
 * the clock — today's date (consular hours, holidays) and which events are not over yet (the
 * home page's upcoming events). When it equals the live site's, the build of that mission is
 * skipped whole: no Astro, no copies, no search index, no swap.
 */
export function missionInputsHash(missionContentDir: string, locales: readonly string[], hash: string, now = new Date()): string {
  const inputs = createHash('sha1').update(hash).update(now.toISOString().slice(0, 10))
  for (const rel of walk(missionContentDir)) inputs.update(rel).update(readFileSync(path.join(missionContentDir, rel)))
  for (const locale of locales) {
    const upcoming = readArticles(missionContentDir, locale).filter((a) => a.event && new Date(eventOver(a)!).getTime() > now.getTime())
    inputs.update(`${locale}:${upcoming.map((a) => a.id).join(',')}`)
  }
  return inputs.digest('hex')
}

/**
 * Locales whose search index can be kept: the live site has one, the locale has the same pages
 * as live, and every page rendered this time is byte for byte the live one (the others were
 * copied). Their live `pagefind/` folders are copied into the new output; Pagefind writes the
 * same index from the same pages, so re-indexing them would only cost time.
 */
export function reusableSearchIndexes(options: { builtDir: string; liveDir: string; renderedFiles: string[]; locales: string[] }): string[] {
  const { builtDir, liveDir } = options
  return options.locales.filter((locale) => {
    const liveIndex = path.join(liveDir, locale, 'pagefind')
    if (!existsSync(liveIndex)) return false
    const built = htmlFiles(path.join(builtDir, locale))
    const live = new Set(htmlFiles(path.join(liveDir, locale)))
    if (built.length !== live.size || built.some((f) => !live.has(f))) return false
    const sameAsLive = options.renderedFiles
      .filter((f) => f.startsWith(`${locale}/`))
      .every((f) => readFileSync(path.join(builtDir, f)).equals(readFileSync(path.join(liveDir, f))))
    if (!sameAsLive) return false
    cpSync(liveIndex, path.join(builtDir, locale, 'pagefind'), { recursive: true })
    return true
  })
}

/**
 * Files of a mission's site that Astro does not render but the build writes from the exported
 * content every time (site file ← exported file): never copied from the live site, so a new
 * redirect reaches the site even when no page changed.
 */
export const SITE_DATA_FILES: Record<string, string> = { [REDIRECTS_FILE]: EXPORTED_REDIRECTS }

export function writeSiteDataFiles(missionContentDir: string, builtDir: string) {
  for (const [siteFile, exported] of Object.entries(SITE_DATA_FILES)) {
    const from = path.join(missionContentDir, exported)
    if (existsSync(from)) copyFileSync(from, path.join(builtDir, siteFile))
  }
}
