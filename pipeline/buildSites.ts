import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import type { Mission } from '../cms/payload-types'
import { exportMission } from './exportContent'
import { renderAstro } from './renderAstro'
import { publishMissionOutput } from './publishOutput'
import { buildSearchIndexes } from './searchIndex'
import { sitesDir as defaultSitesDir, workDir } from './paths'

export type BuildReport = { missions: string[]; articlePages: number; pages: number; seconds: number }

const countHtml = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, d) => n + (d.isDirectory() ? countHtml(path.join(dir, d.name)) : d.name.endsWith('.html') ? 1 : 0),
    0,
  )

/**
 * The build pipeline: export published content → one Astro build for all requested
 * missions → swap each mission's output into dist/sites/<code>/. A failure leaves the
 * previously built sites untouched.
 */
export async function buildSites(options: {
  payload: Payload
  missions?: string[]
  sitesDir?: string
  log?: (line: string) => void
}): Promise<BuildReport> {
  const log = options.log ?? ((l: string) => console.log(l))
  const started = Date.now()
  const sitesDir = options.sitesDir ?? defaultSitesDir
  const all = await options.payload.find({ collection: 'missions', pagination: false, depth: 0, sort: 'code', overrideAccess: false })
  const wanted = options.missions?.length ? options.missions : all.docs.map((m) => m.code)
  const unknown = wanted.filter((c) => !all.docs.some((m) => m.code === c))
  if (unknown.length) {
    throw new Error(`Unknown mission code(s): ${unknown.join(', ')}. Known: ${all.docs.map((m) => m.code).join(', ') || '(none)'}`)
  }
  const missions = all.docs.filter((m) => wanted.includes(m.code)) as Mission[]
  if (!missions.length) throw new Error('There are no missions to build. Run `npm run seed` or create a mission in the admin.')

  const runDir = path.join(workDir, `build-${process.pid}-${Date.now()}`)
  const contentDir = path.join(runDir, 'content')
  const assetsDir = path.join(runDir, 'assets')
  const outDir = path.join(runDir, 'astro')
  mkdirSync(contentDir, { recursive: true })
  try {
    let articlePages = 0
    for (const [i, mission] of missions.entries()) {
      const r = await exportMission(options.payload, mission, contentDir, path.join(assetsDir, mission.code))
      articlePages += r.articlePages
      log(`[export ${i + 1}/${missions.length}] ${mission.code}: ${r.articlePages} article pages`)
    }
    log(`[render] astro build for ${missions.length} mission(s) …`)
    const renderStarted = Date.now()
    await renderAstro({ contentDir, outDir, missions: missions.map((m) => m.code), log: (l) => log(`  ${l}`) })
    let pages = 0
    for (const [i, mission] of missions.entries()) {
      const builtDir = path.join(outDir, mission.code)
      if (!existsSync(builtDir)) throw new Error(`Astro produced no pages for mission ${mission.code}`)
      for (const locale of mission.enabledLocales ?? []) {
        // Astro writes <locale>/404/index.html; servers and CDNs look for <locale>/404.html.
        const notFound = path.join(builtDir, locale, '404')
        if (existsSync(path.join(notFound, 'index.html'))) {
          renameSync(path.join(notFound, 'index.html'), path.join(builtDir, locale, '404.html'))
          rmSync(notFound, { recursive: true })
        }
      }
      const indexed = await buildSearchIndexes(builtDir, (mission.enabledLocales ?? []) as string[])
      log(`[search ${i + 1}/${missions.length}] ${mission.code}: ${Object.entries(indexed).map(([l, n]) => `${l} ${n}`).join(', ')} pages indexed`)
      const count = countHtml(builtDir)
      pages += count
      publishMissionOutput({ builtDir, mediaDir: path.join(assetsDir, mission.code, 'media'), sitesDir, code: mission.code })
      log(`[site ${i + 1}/${missions.length}] ${mission.code}: ${count} pages → ${path.relative(process.cwd(), path.join(sitesDir, mission.code))}/`)
    }
    const seconds = (Date.now() - started) / 1000
    log(`Built ${missions.length} mission site(s), ${pages} pages in ${seconds.toFixed(1)} s (render ${((Date.now() - renderStarted) / 1000).toFixed(1)} s).`)
    return { missions: missions.map((m) => m.code), articlePages, pages, seconds }
  } finally {
    rmSync(runDir, { recursive: true, force: true })
  }
}
