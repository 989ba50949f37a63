import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import type { Article, Mission } from '../cms/payload-types'
import { idsOf, canOnArticle } from '../cms/access/roles'
import { uiString } from '../cms/lib/uiStrings'
import { exportArticle, exportMission } from './exportContent'
import { renderAstro } from './renderAstro'
import { sitesDir, workDir } from './paths'
import { sectionSlug } from './deploy/dependencies'

export type PreviewResult = { status: 200; html: string } | { status: 404 | 409; message: string }


/**
 * A draft build of one article as its mission's site would render it: the mission's
 * published content plus this article's latest draft in `locale`, through the same export
 * and Astro templates as a real build, in a private work folder (the live site is untouched).
 * Readable only by staff who may read the article (checked here with the user's rights).
 */
export async function renderArticlePreview(req: PayloadRequest, id: string | number, locale: string, missionCode?: string): Promise<PreviewResult> {
  const payload: Payload = req.payload
  const user = req.user
  const doc = (await payload.findByID({ collection: 'articles', id, locale: locale as 'vi', fallbackLocale: false, draft: true, depth: 1, overrideAccess: false, user, disableErrors: true })) as Article | null
  if (!doc || !user || !canOnArticle(user, 'read', idsOf(doc.missions))) return { status: 404, message: 'Article not found.' }
  if (!doc.title || !doc.slug) return { status: 409, message: `The article has no "${locale}" version to preview yet.` }
  const missions = (await payload.find({ collection: 'missions', where: { id: { in: idsOf(doc.missions) } }, depth: 0, pagination: false, overrideAccess: true })).docs as Mission[]
  const mission = missions.find((m) => m.code === missionCode) ?? missions[0]
  if (!mission) return { status: 404, message: 'The article belongs to no mission.' }
  if (!(mission.enabledLocales as string[]).includes(locale)) return { status: 409, message: `Mission ${mission.code} does not publish in "${locale}".` }

  const runDir = path.join(workDir, `preview-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`)
  const contentDir = path.join(runDir, 'content')
  const siteDir = path.join(runDir, 'assets', mission.code)
  try {
    await exportMission(payload, mission, contentDir, siteDir)
    const file = path.join(contentDir, mission.code, locale, `${doc.id}.json`)
    const published = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { translations: Record<string, string> }) : null
    const translations = { ...(published?.translations ?? {}), [locale]: doc.slug }
    const article = await exportArticle(payload, doc, mission, locale, siteDir, new Map([[doc.id, translations]]), undefined)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(article))

    const outDir = path.join(runDir, 'astro')
    // A staff preview is no visit: it must not reach the statistics (nor leak draft URLs to them).
    await renderAstro({ contentDir, outDir, cacheDir: path.join(runDir, 'cache'), missions: [mission.code], log: () => {}, env: { ANALYTICS_SCRIPT_URL: '' } })
    const page = path.join(outDir, mission.code, locale, sectionSlug(locale, doc.section), doc.slug, 'index.html')
    if (!existsSync(page)) return { status: 409, message: 'The preview build produced no page for this article.' }
    // Image derivatives are content-hashed: adding new ones next to the live site's is harmless.
    const media = path.join(siteDir, 'media')
    if (existsSync(media)) {
      const target = path.join(sitesDir, mission.code, 'media')
      mkdirSync(target, { recursive: true })
      for (const f of readdirSync(media)) if (!existsSync(path.join(target, f))) copyFileSync(path.join(media, f), path.join(target, f))
    }
    const banner = `<div class="preview-banner" role="status" style="background:#1b1b1b;color:#fff;padding:.5rem 1rem;font-weight:700">${uiString(locale, 'preview.banner')}</div>`
    const html = readFileSync(page, 'utf8')
      .replace(/<head>/, '<head><meta name="robots" content="noindex">')
      .replace(/(<body[^>]*>)/, `$1${banner}`)
    return { status: 200, html }
  } finally {
    rmSync(runDir, { recursive: true, force: true })
  }
}
