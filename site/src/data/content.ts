import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { eventOver, type ExportedArticle, type ExportedMission } from '#core/exportContract'
import { readArticles } from '#core/articleFiles'
import { siteBuild } from '#core/config'

/**
 * Reads the JSON the export step wrote (one folder per mission; articles in one JSON-lines file
 * per locale, see articleFiles.ts). Astro never talks to the database, so the build cannot see drafts.
 */
// Read when first needed, not at import: MP_CONTENT_DIR is set only inside a site build.
const contentDir = () => siteBuild.contentDir()

const only = siteBuild.missions()

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T

export function missions(): ExportedMission[] {
  return readdirSync(contentDir(), { withFileTypes: true })
    .filter((d) => d.isDirectory() && (!only.length || only.includes(d.name)))
    .map((d) => readJson<ExportedMission>(path.join(contentDir(), d.name, 'mission.json')))
    .sort((a, b) => a.code.localeCompare(b.code))
}

const articleCache = new Map<string, ExportedArticle[]>()

/** Published articles of one mission in one locale, newest first. */
export function articles(mission: string, locale: string): ExportedArticle[] {
  const key = `${mission}/${locale}`
  const cached = articleCache.get(key)
  if (cached) return cached
  const list = readArticles(path.join(contentDir(), mission), locale).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id - a.id)
  articleCache.set(key, list)
  return list
}

/** What listings, feeds, sitemaps and related links show: withdrawn articles keep only their page. */
export function listedArticles(mission: string, locale: string): ExportedArticle[] {
  return articles(mission, locale).filter((a) => !a.withdrawn)
}

/** Every published version of every article of a mission, by article id (for fallback pages). */
export function articleVersions(mission: ExportedMission): Map<number, ExportedArticle[]> {
  const byId = new Map<number, ExportedArticle[]>()
  for (const locale of mission.locales) {
    for (const a of articles(mission.code, locale)) byId.set(a.id, [...(byId.get(a.id) ?? []), a])
  }
  return byId
}

/** Newest other articles of the same section and locale. */
export function relatedArticles(article: ExportedArticle, count = 3): ExportedArticle[] {
  return listedArticles(article.mission, article.locale)
    .filter((a) => a.id !== article.id && a.section === article.section)
    .slice(0, count)
}

/** Articles per listing page; SITE_PAGE_SIZE lets tests exercise pagination with little content. */
export const pageSize = siteBuild.pageSize()

/**
 * Listed articles whose event has not ended at build time, soonest first. The site is rebuilt
 * when each published event ends (cms/hooks/queueRebuild.ts), so a past event drops off.
 */
export function upcomingEvents(mission: string, locale: string, now = Date.now()): ExportedArticle[] {
  return listedArticles(mission, locale)
    .filter((a) => a.event && new Date(eventOver(a)!).getTime() > now)
    .sort((a, b) => a.event!.startsAt.localeCompare(b.event!.startsAt) || a.id - b.id)
}
