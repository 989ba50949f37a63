import ar from '../locales/ar.json'
import en from '../locales/en.json'
import vi from '../locales/vi.json'

/**
 * The UI strings, locales/<code>.json (flat dotted keys), for every reader of them: the site's
 * i18next (site/src/i18n/index.ts) and server-side code (the pipeline, the preview, mail, the
 * site server's alert banner). Imported, not read from disk, so bundles (the Astro build, the
 * admin's Next.js server) carry them wherever they run.
 *
 * en.json is the reference: `UiKey` is its keys, another locale file missing one is a type error,
 * and so is a lookup of a key that does not exist (`uiString`, and i18next's `t` through
 * `CustomTypeOptions` below, as Astro Starlight types its UI strings).
 */
export type UiKey = keyof typeof en
export type UiStrings = Record<UiKey, string>

export const uiResources = { ar, en, vi } satisfies Record<string, UiStrings> as Record<string, UiStrings>

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: UiStrings }
    keySeparator: false
    nsSeparator: false
  }
}

export const uiLocales = Object.keys(uiResources)
export const hasUiLocale = (locale: string) => Object.hasOwn(uiResources, locale)

/** The string in `locale`, else in English, else undefined; for keys made at run time (an alert's level). */
export const lookupUiString = (locale: string, key: string): string | undefined =>
  (hasUiLocale(locale) ? (uiResources[locale] as Record<string, string>)[key] : undefined) ?? (en as Record<string, string>)[key]

/** The string in `locale`, else in English. */
export const uiString = (locale: string, key: UiKey): string => lookupUiString(locale, key) ?? key

/** Families of keys completed at run time by a code that is data (a section, a mission kind, an alert level, a language). */
export type UiKeyFamily = 'section' | 'kind' | 'alert' | 'language.inline'
/** The key of a code's string, e.g. uiKey('section', 'news', 'name'); the family is checked, the code cannot be. */
export const uiKey = (family: UiKeyFamily, code: string, part?: 'name' | 'slug') => [family, code, part].filter(Boolean).join('.') as UiKey

/** Localized slug of a section, e.g. news → tin-tuc in Vietnamese; the section's code when it has none. */
export const sectionSlug = (locale: string, section: string): string => lookupUiString(locale, uiKey('section', section, 'slug')) ?? section
