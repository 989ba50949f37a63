import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import type { Article, Mission, Page } from '#core/payload-types'
import { idOf, idsOf, canOnArticle } from '../access/roles'
import { mayUpdateMission } from '../access/rules'
import { sectionSlug, uiString } from '#core/uiStrings'
import { missionWithUnsavedSettings } from '../lib/unsavedMissionSettings'
import { exportArticle, exportMission, publicSourceText } from '../../pipeline/exportContent'
import { exportedPage } from '../../pipeline/exportSite'
import { readArticles, replaceArticle } from '#core/articleFiles'
import { renderAstro } from '../../pipeline/renderAstro'
import { missionSiteUrl, sitesDir, workDir } from '#core/paths'

export type PreviewResult = { status: 200; html: string } | { status: 400 | 403 | 404 | 409; message: string }

type DraftBuild = {
  mission: Mission
  locale: string
  /** The mission record (all-locales shape) to render instead of the stored one: unsaved settings. */
  unsavedSettings?: Record<string, unknown>
  /** Changes the exported content before rendering, e.g. adds a draft; `missionDir` is `<content>/<code>`. */
  overlay?: (dirs: { missionDir: string; siteDir: string }) => Promise<void>
  /** The page to return, relative to the built mission's `<locale>/` folder. */
  page: string
  /** The answer when the build has no such page. */
  missing: { status: 404 | 409; message: string }
}

/**
 * A private draft build of one mission: the mission's published content (plus `overlay`)
 * exported into its own work folder, rendered by the same Astro templates as a real build,
 * and one page of it returned with the preview banner and `noindex`. Nothing is published:
 * the live site, the database and the jobs queue are untouched, and the work folder is removed.
 */
async function draftBuild(payload: Payload, build: DraftBuild): Promise<PreviewResult> {
  const { mission, locale } = build
  if (!(mission.enabledLocales as string[]).includes(locale)) return { status: 409, message: `Mission ${mission.code} does not publish in "${locale}".` }
  const runDir = path.join(workDir, `preview-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`)
  const contentDir = path.join(runDir, 'content')
  const siteDir = path.join(runDir, 'assets', mission.code)
  try {
    await exportMission(payload, mission, contentDir, siteDir, { unsavedSettings: build.unsavedSettings })
    await build.overlay?.({ missionDir: path.join(contentDir, mission.code), siteDir })
    const outDir = path.join(runDir, 'astro')
    // Only the previewed page (and the few always-rendered ones) is rendered, whatever the mission's
    // size; previews are not visits, so no analytics script.
    const renderOnly = [path.posix.join(locale, build.page.split(path.sep).join('/'))]
    await renderAstro({
      contentDir,
      outDir,
      cacheDir: path.join(runDir, 'cache'),
      missions: [mission.code],
      log: () => {},
      renderOnly,
      env: { ANALYTICS_SCRIPT_URL: '' },
    })
    const page = path.join(outDir, mission.code, locale, build.page)
    if (!existsSync(page)) return build.missing
    // Image derivatives are content-hashed and brand files carry the media library's unique
    // file name: adding new ones next to the live site's is harmless (existing files are kept).
    const media = path.join(siteDir, 'media')
    if (existsSync(media)) {
      const target = path.join(sitesDir, mission.code, 'media')
      mkdirSync(target, { recursive: true })
      for (const f of readdirSync(media)) if (!existsSync(path.join(target, f))) copyFileSync(path.join(media, f), path.join(target, f))
    }
    const banner = `<div class="preview-banner" role="status" style="background:#1b1b1b;color:#fff;padding:.5rem 1rem;font-weight:700">${uiString(locale, 'preview.banner')}</div>`
    const html = onSiteOrigin(readFileSync(page, 'utf8'), new URL(missionSiteUrl(mission.code, mission.siteUrl)).origin)
      .replace(/<head>/, '<head><meta name="robots" content="noindex">')
      .replace(/(<body[^>]*>)/, `$1${banner}`)
    return { status: 200, html }
  } finally {
    rmSync(runDir, { recursive: true, force: true })
  }
}

/**
 * The preview is served by the admin (or opened as a blob: URL), but the site's links and
 * images are root-relative (`/<code>/vi/…`): point them at the mission's site, where the
 * images are. (A <base> element would also send in-page links such as the skip link away.)
 */
export function onSiteOrigin(html: string, origin: string): string {
  return html
    .replace(/(\s(?:href|src|action|poster)=")\/(?!\/)/g, `$1${origin}/`)
    .replace(/(\ssrcset=")([^"]*)"/g, (_, attribute: string, list: string) => `${attribute}${list.replace(/(^|,\s*)\/(?!\/)/g, `$1${origin}/`)}"`)
}

/**
 * A draft build of one article as its mission's site would render it: the mission's
 * published content plus this article's latest draft in `locale`.
 * Readable only by staff who may read the article (checked here with the user's rights).
 */
export async function renderArticlePreview(req: PayloadRequest, id: string | number, locale: string, missionCode?: string): Promise<PreviewResult> {
  const payload: Payload = req.payload
  const user = req.user
  const doc = (await payload.findByID({
    collection: 'articles',
    id,
    locale: locale as 'vi',
    fallbackLocale: false,
    draft: true,
    depth: 1,
    overrideAccess: false,
    user,
    disableErrors: true,
  })) as Article | null
  if (!doc || !user || !canOnArticle(user, 'read', idsOf(doc.missions))) return { status: 404, message: 'Article not found.' }
  if (!doc.title || !doc.slug) return { status: 409, message: `The article has no "${locale}" version to preview yet.` }
  const missions = (
    await payload.find({ collection: 'missions', where: { id: { in: idsOf(doc.missions) } }, depth: 0, pagination: false, overrideAccess: true })
  ).docs as Mission[]
  const mission = missions.find((m) => m.code === missionCode) ?? missions[0]
  if (!mission) return { status: 404, message: 'The article belongs to no mission.' }
  const slug = doc.slug

  return draftBuild(payload, {
    mission,
    locale,
    page: path.join(sectionSlug(locale, doc.section), slug, 'index.html'),
    missing: { status: 409, message: 'The preview build produced no page for this article.' },
    overlay: async ({ missionDir, siteDir }) => {
      const published = readArticles(missionDir, locale).find((a) => a.id === doc.id)
      const translations = { ...(published?.translations ?? {}), [locale]: slug }
      replaceArticle(
        missionDir,
        locale,
        await exportArticle(doc, mission, locale, siteDir, new Map([[doc.id, translations]]), undefined, await publicSourceText(payload, doc)),
      )
    },
  })
}

/**
 * A draft build of one static page: the mission's published site (menus, footer…) with this
 * page's latest draft in `locale` at `/<locale>/info/<slug>/`. Staff who may read the page's
 * mission only: the page's mission staff and HQ; anyone else gets 404, as for articles.
 */
export async function renderPagePreview(req: PayloadRequest, id: string | number, locale: string): Promise<PreviewResult> {
  const payload: Payload = req.payload
  const user = req.user
  const doc = (await payload.findByID({
    collection: 'pages',
    id,
    locale: locale as 'vi',
    fallbackLocale: false,
    draft: true,
    depth: 0,
    overrideAccess: false,
    user,
    disableErrors: true,
  })) as Page | null
  const missionId = idOf(doc?.mission)
  if (!doc || !user || missionId === undefined || !canOnArticle(user, 'read', [missionId])) return { status: 404, message: 'Page not found.' }
  if (!doc.title || !doc.slug) return { status: 409, message: `The page has no "${locale}" version to preview yet.` }
  const mission = (await payload.findByID({ collection: 'missions', id: missionId, depth: 0, overrideAccess: true, disableErrors: true })) as Mission | null
  if (!mission) return { status: 404, message: 'The page belongs to no mission.' }
  const slug = doc.slug

  return draftBuild(payload, {
    mission,
    locale,
    page: path.join('info', slug, 'index.html'),
    missing: { status: 409, message: 'The preview build produced no page for this page draft.' },
    overlay: async ({ missionDir }) => {
      // Published translations of the page keep their language-switcher links.
      const pagesDir = path.join(missionDir, 'pages')
      const translations: Record<string, string> = {}
      for (const l of existsSync(pagesDir) ? readdirSync(pagesDir) : []) {
        const file = path.join(pagesDir, l, `${doc.id}.json`)
        if (existsSync(file)) Object.assign(translations, (JSON.parse(readFileSync(file, 'utf8')) as { translations: Record<string, string> }).translations)
      }
      translations[locale] = slug
      const file = path.join(pagesDir, locale, `${doc.id}.json`)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, JSON.stringify(exportedPage(doc, mission.code, locale, translations)))
    },
  })
}

/**
 * `sitePath` of a settings preview (inside the locale: '' = home, 'news', 'info/about'…) as a
 * file of the build, or null when it tries to leave the locale's folder.
 */
export function previewPageFile(sitePath: string): string | null {
  const segments = sitePath.split('/').filter(Boolean)
  if (segments.some((s) => s === '.' || s === '..' || s.includes('\\'))) return null
  const last = segments.at(-1)
  return last?.endsWith('.html') ? path.join(...segments) : path.join(...segments, 'index.html')
}

/**
 * A draft build of the mission's site with unsaved settings (the admin's edit form data for
 * `locale`): only the site-settings fields are taken, validated like a save (invalid input
 * throws Payload's ValidationError, which the API answers with 400 and the save's message),
 * and rendered; nothing is saved and no rebuild is queued. Only users who may update the
 * mission (HQ admins, the mission's admins) may preview it.
 */
export async function renderSettingsPreview(
  req: PayloadRequest,
  id: string | number,
  locale: string,
  formData: Record<string, unknown>,
  sitePath = '',
): Promise<PreviewResult> {
  const payload: Payload = req.payload
  const missionId = idOf(id)
  const mission =
    missionId === undefined
      ? null
      : ((await payload.findByID({ collection: 'missions', id: missionId, depth: 0, overrideAccess: true, disableErrors: true })) as Mission | null)
  if (!mission) return { status: 404, message: 'Mission not found.' }
  if (!mayUpdateMission(req.user, mission.id))
    return { status: 403, message: `Only HQ admins and the admins of ${mission.code} may preview changes to its settings.` }
  const page = previewPageFile(sitePath)
  if (page === null) return { status: 400, message: `"${sitePath}" is not a page of the site; give a path such as "news" or "info/about".` }
  if (!(mission.enabledLocales as string[]).includes(locale)) return { status: 409, message: `Mission ${mission.code} does not publish in "${locale}".` }
  const unsavedSettings = await missionWithUnsavedSettings(req, mission.id, locale, formData)
  return draftBuild(payload, {
    mission,
    locale,
    unsavedSettings,
    page,
    missing: { status: 404, message: `The site of ${mission.code} has no page "${sitePath}" in "${locale}".` },
  })
}
