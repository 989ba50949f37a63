import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { projectRoot } from './config'

/**
 * UI strings from locales/<code>.json for server-side code outside the Astro build (the
 * pipeline, the preview, the site server's alert banner); templates use i18next instead.
 */
const cache = new Map<string, Record<string, string>>()

function strings(locale: string): Record<string, string> {
  let table = cache.get(locale)
  if (!table) {
    const file = path.join(projectRoot, 'locales', `${locale}.json`)
    table = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {}
    cache.set(locale, table)
  }
  return table
}

export const hasUiLocale = (locale: string) => Object.keys(strings(locale)).length > 0

/** The string in `locale`, else in English, else undefined. */
export const lookupUiString = (locale: string, key: string): string | undefined => strings(locale)[key] ?? strings('en')[key]

/** The string in `locale`, else in English, else the key itself. */
export const uiString = (locale: string, key: string): string => lookupUiString(locale, key) ?? key
