import { createHash } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { ExportedMission } from '#core/exportContract'
import { allPages } from '../data/site'
import { siteBuild } from '#core/config'

/**
 * Per-page incremental rendering (docs/pipeline.md, "Incremental builds").
 *
 * The rule every route keeps: a page's HTML depends only on
 *   1. the templates and UI strings (MP_TEMPLATE_HASH, computed by the pipeline),
 *   2. its mission's chrome: mission.json (settings, menus, home layout, consular information)
 *      and the list of static pages the menus may link to,
 *   3. its own props (the mission aside) — so each route computes in getStaticPaths everything
 *      its page shows (the listing's items, the related articles…), never in the page body.
 * The hash of the three is the page's fingerprint. `incremental()` drops the entries whose
 * fingerprint equals the one in the previous build's manifest (and whose file is still in the
 * previous site), and records every entry's fingerprint for the pipeline, which copies the
 * unchanged files from the previous site and saves the new manifest (pipeline/incremental.ts).
 *
 * Without MP_MANIFEST_OUT_DIR (a plain `astro build`) every entry renders, as usual.
 */
const manifestOut = siteBuild.manifestOutDir()
const previousManifests = siteBuild.previousManifestDir()
const previousSites = siteBuild.previousSitesDir()
const templateHash = siteBuild.templateHash()
/** Render only these files (site-relative, e.g. en/news/slug/index.html): the draft preview's one page. */
const renderOnlyFiles = siteBuild.renderOnly()
const renderOnly = renderOnlyFiles ? new Set(renderOnlyFiles) : null

type Params = Record<string, string | number | undefined>
type Entry = { params: Params; props: { mission: ExportedMission } & Record<string, unknown> }

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex')

const chromeHashes = new Map<string, string>()
function chromeHash(mission: ExportedMission): string {
  let hash = chromeHashes.get(mission.code)
  if (hash) return hash
  const linkable = mission.locales.flatMap((l) => allPages(mission.code, l).map((p) => [l, p.id, p.slug, p.kind]))
  hash = sha1(JSON.stringify([templateHash, mission, linkable]))
  chromeHashes.set(mission.code, hash)
  return hash
}

const previous = new Map<string, Record<string, string>>()
function previousFingerprints(code: string): Record<string, string> {
  let found = previous.get(code)
  if (found) return found
  const file = previousManifests && path.join(previousManifests, `${code}.json`)
  found = file && existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { pages: Record<string, string> }).pages ?? {}) : {}
  previous.set(code, found)
  return found
}

/** The file a route writes for `params`: "[locale]/[section]/[slug]" → "en/news/my-slug/index.html". */
export function outputFile(pattern: string, params: Params): string {
  const dir = pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`Route pattern ${pattern} needs the parameter "${name}"`)
    return String(value)
  })
  return `${dir}/index.html`
}

/**
 * The entries of one route that must be rendered in this build. `pattern` is the route's path
 * inside the mission folder, as in src/pages/[mission]/ (e.g. "[locale]/[section]/[slug]").
 */
export function incremental<T extends Entry>(pattern: string, entries: T[]): T[] {
  if (!manifestOut && !renderOnly) return entries
  const rendered: T[] = []
  const lines = new Map<string, string[]>()
  for (const entry of entries) {
    const { mission, ...own } = entry.props
    const file = outputFile(pattern, entry.params)
    const fingerprint = sha1(chromeHash(mission) + JSON.stringify(own))
    const render = renderOnly
      ? renderOnly.has(file)
      : previousFingerprints(mission.code)[file] !== fingerprint || !previousSites || !existsSync(path.join(previousSites, mission.code, file))
    if (render) rendered.push(entry)
    const list = lines.get(mission.code) ?? []
    list.push(JSON.stringify({ file, fingerprint, rendered: render }))
    lines.set(mission.code, list)
  }
  if (manifestOut) {
    mkdirSync(manifestOut, { recursive: true })
    for (const [code, list] of lines) appendFileSync(path.join(manifestOut, `${code}.jsonl`), `${list.join('\n')}\n`)
  }
  return rendered
}
