import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import type { Mission } from '../cms/payload-types'
import { exportMission } from './exportContent'
import { renderAstro } from './renderAstro'
import { publishMissionOutput, recoverInterruptedBuilds } from './publishOutput'
import { sitesDir as defaultSitesDir, workDir } from './paths'

export type BuildFailure = { mission: string; error: string }
export type BuildReport = {
  /** Missions built and swapped into sitesDir. */
  missions: string[]
  articlePages: number
  pages: number
  /** HTML pages per built mission. */
  pagesByMission: Record<string, number>
  seconds: number
  /** Missions that could not be built (only with isolateFailures; otherwise buildSites throws). */
  failures: BuildFailure[]
}

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
  /**
   * Return failed missions in `failures` instead of throwing. Either way, one mission's
   * failure (e.g. an article with a broken image) does not stop the others being built.
   */
  isolateFailures?: boolean
  /** Gets the pid of each astro build process (the benchmark samples its memory). */
  onRenderProcess?: (pid: number) => void
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

  recoverInterruptedBuilds(sitesDir, workDir)
  const runDir = path.join(workDir, `build-${process.pid}-${Date.now()}`)
  const contentDir = path.join(runDir, 'content')
  const assetsDir = path.join(runDir, 'assets')
  const outDir = path.join(runDir, 'astro')
  mkdirSync(contentDir, { recursive: true })
  const pagesByMission: Record<string, number> = {}
  const done: string[] = []
  try {
    const failures: BuildFailure[] = []
    const fail = (mission: string, error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      failures.push({ mission, error: message })
      log(`[failed] ${mission}: ${message}`)
    }
    let articlePages = 0
    const exported: Mission[] = []
    for (const [i, mission] of missions.entries()) {
      try {
        const r = await exportMission(options.payload, mission, contentDir, path.join(assetsDir, mission.code))
        articlePages += r.articlePages
        exported.push(mission)
        const elapsed = (Date.now() - started) / 1000
        const eta = (elapsed / (i + 1)) * (missions.length - i - 1)
        log(`[export ${i + 1}/${missions.length}] ${mission.code}: ${r.articlePages} article pages (ETA export ${eta.toFixed(0)} s)`)
      } catch (error) {
        rmSync(path.join(contentDir, mission.code), { recursive: true, force: true })
        fail(mission.code, error)
      }
    }
    const renderStarted = Date.now()
    const render = (codes: string[]) =>
      renderAstro({ contentDir, outDir, missions: codes, log: (l) => log(`  ${l}`), onProcess: options.onRenderProcess })
    let rendered = exported.map((m) => m.code)
    if (rendered.length) {
      log(`[render] astro build for ${rendered.length} mission(s) …`)
      try {
        await render(rendered)
      } catch (error) {
        if (rendered.length === 1) {
          fail(rendered[0]!, error)
          rendered = []
        } else {
          // Find the mission(s) that break the shared build: render each on its own.
          log(`[render] the shared build failed; rendering missions one by one to isolate the failure`)
          const ok: string[] = []
          for (const code of rendered) {
            rmSync(outDir, { recursive: true, force: true })
            try {
              await render([code])
              ok.push(code)
              publish(code)
            } catch (e) {
              fail(code, e)
            }
          }
          rendered = []
          for (const code of ok) done.push(code)
        }
      }
    }
    for (const code of rendered) publish(code)

    function publish(code: string) {
      const builtDir = path.join(outDir, code)
      if (!existsSync(builtDir)) return fail(code, new Error(`Astro produced no pages for mission ${code}`))
      const count = countHtml(builtDir)
      pagesByMission[code] = count
      publishMissionOutput({ builtDir, mediaDir: path.join(assetsDir, code, 'media'), sitesDir, code })
      log(`[site ${Object.keys(pagesByMission).length}/${missions.length}] ${code}: ${count} pages → ${path.relative(process.cwd(), path.join(sitesDir, code))}/`)
    }
    for (const code of rendered) done.push(code)
    const pages = Object.values(pagesByMission).reduce((a, b) => a + b, 0)
    const seconds = (Date.now() - started) / 1000
    log(`Built ${done.length} mission site(s), ${pages} pages in ${seconds.toFixed(1)} s (render ${((Date.now() - renderStarted) / 1000).toFixed(1)} s).`)
    if (failures.length && !options.isolateFailures) {
      throw new Error(`Could not build ${failures.length} mission site(s):\n${failures.map((f) => `- ${f.mission}: ${f.error}`).join('\n')}`)
    }
    return { missions: done.filter((c) => c in pagesByMission), articlePages, pages, pagesByMission, seconds, failures }
  } finally {
    rmSync(runDir, { recursive: true, force: true })
  }
}
