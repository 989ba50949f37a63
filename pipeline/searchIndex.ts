import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
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
 * Pagefind folds accents when searching ("dai" finds "đại"'s vowel), but "đ" is a letter of
 * its own, not "d" plus a mark. So the text of every Vietnamese page is indexed a second time
 * with đ/Đ → d/D, at a low weight: "dai su quan" then finds "Đại sứ quán". The copy exists only
 * in what Pagefind reads, never in the HTML served to readers.
 */
export function withFoldedCopy(html: string): string {
  const start = html.indexOf('data-pagefind-body')
  if (start < 0 || !/[đĐ]/.test(html)) return html
  const end = html.indexOf('</article>', start)
  if (end < 0) return html
  const open = html.indexOf('>', start) + 1
  const text = html
    .slice(open, end)
    .replace(/<[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/[a-z]+>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
  const folded = text.replace(/đ/g, 'd').replace(/Đ/g, 'D')
  return `${html.slice(0, end)}<div data-pagefind-weight="0.5">${folded}</div>${html.slice(end)}`
}

/**
 * One Pagefind index per locale of a built mission site, in <locale>/pagefind/. Runs after the
 * Astro build and before the swap into dist/sites, so a failed index leaves the old site live.
 * Only pages marked data-pagefind-body (articles, static pages, accredited-country pages) are
 * indexed, and only that element of each; result URLs are relative to the
 * locale's home and the search page passes that home as Pagefind's baseUrl.
 */
// Pagefind's Node API drives one shared backend process: missions rendered in parallel must take
// turns, and the backend is closed only when no index is being built.
let queue: Promise<unknown> = Promise.resolve()
let active = 0

export function buildSearchIndexes(siteDir: string, locales: string[]): Promise<Record<string, number>> {
  const run = queue.then(() => indexMission(siteDir, locales))
  queue = run.catch(() => {})
  return run
}

async function indexMission(siteDir: string, locales: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  active++
  try {
    for (const locale of locales) {
      const localeDir = path.join(siteDir, locale)
      if (!existsSync(localeDir)) continue
      const { index, errors } = await pagefind.createIndex({ forceLanguage: locale })
      if (!index) throw new Error(`Pagefind could not start for ${locale}: ${errors.join('; ')}`)
      // Pages are sent without waiting for each answer: the backend indexes them in parallel.
      const added = await Promise.all(
        htmlFiles(localeDir).map(async (file) => {
          const html = readFileSync(path.join(localeDir, file), 'utf8')
          if (!html.includes('data-pagefind-body')) return 0
          const result = await index.addHTMLFile({ sourcePath: file, content: withFoldedCopy(html) })
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
  } finally {
    active--
    if (active === 0) await pagefind.close()
  }
  return counts
}
