import { existsSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { projectRoot } from '#core/config'
import * as pagefind from 'pagefind'

/** Paths of the HTML pages under `dir`, relative to it with `/` (search indexes aside; none if `dir` is missing). */
export const htmlFiles = (dir: string, rel = ''): string[] =>
  existsSync(path.join(dir, rel))
    ? readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((d) => {
        const r = path.posix.join(rel, d.name)
        if (d.isDirectory()) return d.name === 'pagefind' ? [] : htmlFiles(dir, r)
        return d.name.endsWith('.html') ? [r] : []
      })
    : []

/**
 * The element marked data-pagefind-body, the only part of a page Pagefind indexes (null if
 * none). Pagefind parses whatever it is sent; sending this element alone instead of the whole
 * page (head, menus, footer) gives the same index — the title is the element's first h1, the
 * image its first img — for about three quarters of the work (measured on 3,000 article pages).
 */
export function indexedElement(html: string): string | null {
  const marker = html.indexOf('data-pagefind-body')
  if (marker < 0) return null
  const start = html.lastIndexOf('<', marker)
  const name = /^<([a-zA-Z][\w-]*)/.exec(html.slice(start, marker))?.[1]
  if (!name) return null
  // Nested elements of the same name (a <div> in a <div>) are counted to find its own end.
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi')
  tags.lastIndex = start
  let depth = 0
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1
    if (depth === 0) return html.slice(start, m.index + m[0].length)
  }
  return null
}

const WORD_BREAK = '\\s.,;:!?()"“”‘’«»\\[\\]{}…–—/'
/** A word (between spaces and punctuation) containing đ or Đ. */
const WORD_WITH_D = new RegExp(`[^${WORD_BREAK}]*[đĐ][^${WORD_BREAK}]*`, 'g')

/**
 * Pagefind folds accents when searching ("dai" finds "đại"'s vowel), but "đ" is a letter of
 * its own, not "d" plus a mark. So the words with đ/Đ of every Vietnamese page are indexed a
 * second time with đ/Đ → d/D, at a low weight: "dai su quan" then finds "Đại sứ quán" (the other
 * words already match through the folding). Only those words, in their order and as often as
 * they occur, so their weight in ranking holds while the copy stays a fraction of the page
 * (copying the whole text doubled the indexing of every Vietnamese page), and excerpts come from
 * the text readers see. The copy exists only in what Pagefind reads, never in the HTML served to
 * readers. `element` is the indexed element.
 */
export function withFoldedCopy(element: string): string {
  if (!/[đĐ]/.test(element)) return element
  const open = element.indexOf('>') + 1
  const close = element.lastIndexOf('</')
  if (open <= 0 || close < open) return element
  const text = element
    .slice(open, close)
    .replace(/<[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/[a-z]+>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
  const words = text.match(WORD_WITH_D)
  if (!words) return element
  const folded = words.join(' ').replace(/đ/g, 'd').replace(/Đ/g, 'D')
  return `${element.slice(0, close)}<div data-pagefind-weight="0.5">${folded}</div>${element.slice(close)}`
}

/** What Pagefind is sent for a page: its indexed element (with the folded copy) in a bare document; null if the page is not indexed. */
export function searchDocument(html: string): string | null {
  const element = indexedElement(html)
  return element === null ? null : `<html><body>${withFoldedCopy(element)}</body></html>`
}

// Pagefind's Node API drives one backend process per loaded copy of its module, and a backend
// indexes on one core. Each lane below is its own copy of the module (loaded under a distinct
// URL), so its own backend: missions published at the same time are indexed on as many cores.
// Within a lane, missions take turns; a lane's backend closes when nothing holds it.
type PagefindApi = typeof pagefind
type Lane = { api: Promise<PagefindApi>; busy: number }
/** How many missions are indexed at once: one Pagefind backend per core, at most four. */
export const SEARCH_LANES = Math.max(1, Math.min(4, os.availableParallelism()))
const lanes: Lane[] = []
let held = 0

function loadLane(n: number): Promise<PagefindApi> {
  if (n === 0) return Promise.resolve(pagefind)
  // The other lanes are separate instances of the same file, loaded at run time (bundlers leave it be).
  const entry = pathToFileURL(path.join(projectRoot, 'node_modules', 'pagefind', 'lib', 'index.js')).href
  return import(/* webpackIgnore: true */ /* turbopackIgnore: true */ /* @vite-ignore */ `${entry}?lane=${n}`) as Promise<PagefindApi>
}
/** Lowered to the lanes that loaded if another copy of the module cannot be loaded here. */
let laneLimit = SEARCH_LANES

async function closeIdleLanes() {
  for (const lane of lanes) {
    if (held > 0 || lane.busy > 0) continue
    const api = await lane.api
    // Checked again after the await: a mission waiting for a lane may have taken this one meanwhile.
    if (held === 0 && lane.busy === 0) await api.close()
  }
}

/**
 * Keeps the backends running while a whole build indexes mission after mission (otherwise each
 * is closed and started again between missions). Call the returned function when done.
 */
export function holdSearchBackend(): () => Promise<void> {
  held++
  let released = false
  return async () => {
    if (released) return
    released = true
    held--
    await closeIdleLanes()
  }
}

let waiting: (() => void)[] = []
/** A lane for one mission's indexing, marked busy. */
async function acquireLane(): Promise<Lane> {
  for (;;) {
    const free = lanes.find((l) => l.busy === 0)
    if (free) {
      free.busy++
      return free
    }
    if (lanes.length < laneLimit) {
      const lane: Lane = { api: loadLane(lanes.length), busy: 1 }
      lanes.push(lane)
      try {
        await lane.api
        return lane
      } catch {
        lanes.splice(lanes.indexOf(lane), 1)
        laneLimit = Math.max(1, lanes.length)
        continue
      }
    }
    await new Promise<void>((resolve) => waiting.push(resolve))
  }
}

/**
 * One Pagefind index per locale of a built mission site, in <locale>/pagefind/. Runs after the
 * Astro build and before the swap into dist/sites, so a failed index leaves the old site live.
 * Only pages marked data-pagefind-body (articles, static pages, accredited-country pages) are
 * indexed, and only that element of each; result URLs are relative to the
 * locale's home and the search page passes that home as Pagefind's baseUrl.
 */
export async function buildSearchIndexes(siteDir: string, locales: string[]): Promise<Record<string, number>> {
  const lane = await acquireLane()
  try {
    return await indexMission(await lane.api, siteDir, locales)
  } finally {
    lane.busy--
    const next = waiting
    waiting = []
    next.forEach((wake) => wake())
    await closeIdleLanes()
  }
}

async function indexMission(pagefind: PagefindApi, siteDir: string, locales: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const locale of locales) {
    const localeDir = path.join(siteDir, locale)
    if (!existsSync(localeDir)) continue
    const { index, errors } = await pagefind.createIndex({ forceLanguage: locale })
    if (!index) throw new Error(`Pagefind could not start for ${locale}: ${errors.join('; ')}`)
    // Pages are sent without waiting for each answer.
    const added = await Promise.all(
      htmlFiles(localeDir).map(async (file) => {
        const content = searchDocument(readFileSync(path.join(localeDir, file), 'utf8'))
        if (content === null) return 0
        const result = await index.addHTMLFile({ sourcePath: file, content })
        if (result.errors.length) throw new Error(`Pagefind could not index ${locale}/${file}: ${result.errors.join('; ')}`)
        return 1
      }),
    )
    const pages = added.reduce<number>((n, x) => n + x, 0)
    const written = await index.writeFiles({ outputPath: path.join(localeDir, 'pagefind') })
    if (written.errors.length) throw new Error(`Pagefind could not write the ${locale} index: ${written.errors.join('; ')}`)
    await index.deleteIndex()
    counts[locale] = pages
  }
  return counts
}
