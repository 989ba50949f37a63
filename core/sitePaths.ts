import { sectionSlug } from './uiStrings'

/**
 * Paths of public pages relative to a mission's site root (the same scheme as
 * site/src/routing/urls.ts, for code outside the Astro build: redirects, the importer).
 */
export const articleSitePath = (locale: string, section: string, slug: string) => `/${locale}/${sectionSlug(locale, section)}/${slug}/`
export const pageSitePath = (locale: string, slug: string) => `/${locale}/info/${slug}/`

/** A redirect's `from` or `to` inside a mission's site: one leading "/", no scheme, host or "..", an optional query. */
export const SITE_PATH = /^\/(?!\/)[^\s#\\]*$/
export const isSitePath = (value: string) => SITE_PATH.test(value) && !value.split('?')[0]!.split('/').includes('..')
