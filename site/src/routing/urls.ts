import type { ExportedArticle, ExportedMission } from '../data/types'
import { sectionSlug } from '../i18n'

/** Path prefix of a mission's site: "/" on its own domain, "/<code>/" on the local server. */
export const basePath = (m: ExportedMission) => new URL(m.siteUrl).pathname

export const homePath = (m: ExportedMission, locale: string) => `${basePath(m)}${locale}/`
export const sectionPath = (m: ExportedMission, locale: string, section: string) =>
  `${homePath(m, locale)}${sectionSlug(locale, section)}/`
export const articlePath = (m: ExportedMission, a: Pick<ExportedArticle, 'locale' | 'section' | 'slug'>) =>
  `${sectionPath(m, a.locale, a.section)}${a.slug}/`
export const assetPath = (m: ExportedMission, relative: string) => `${basePath(m)}${relative}`
export const absoluteUrl = (m: ExportedMission, path: string) => new URL(path, m.siteUrl).href
