import i18next, { type TFunction } from 'i18next'

/** UI strings live in locales/<code>.json (flat dotted keys); templates hold no UI literal. */
const files = import.meta.glob<Record<string, string>>('../../../locales/*.json', { eager: true, import: 'default' })

const resources = Object.fromEntries(
  Object.entries(files).map(([file, strings]) => [file.replace(/^.*\/(.+)\.json$/, '$1'), { translation: strings }]),
)

const instance = i18next.createInstance()
await instance.init({
  resources,
  lng: 'vi',
  fallbackLng: 'en',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false }, // Astro escapes on output
  returnNull: false,
})

export const uiLocales = Object.keys(resources)

export function useTranslations(locale: string): TFunction {
  return instance.getFixedT(locale)
}

/** Localized slug of a section, e.g. news → tin-tuc in Vietnamese. */
export function sectionSlug(locale: string, section: string): string {
  return instance.getFixedT(locale)(`section.${section}.slug`)
}
