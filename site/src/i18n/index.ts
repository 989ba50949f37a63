import i18next, { type TFunction } from 'i18next'
import { sectionSlug, uiLocales, uiResources } from '#core/uiStrings'

/** UI strings come from core/uiStrings.ts (locales/<code>.json); templates hold no UI literal. */
const resources = Object.fromEntries(Object.entries(uiResources).map(([locale, strings]) => [locale, { translation: strings }]))

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

export { uiLocales }

/**
 * A build looks up the same few hundred strings tens of thousands of times; i18next resolves
 * each call anew (fallbacks, plurals, interpolation), which was a tenth of the render time.
 * Calls with no options, or with options made only of strings and numbers (the same dates recur
 * on many cards), are answered from a per-locale cache; anything else goes through.
 */
const translators = new Map<string, TFunction>()
const simpleOptions = (o: unknown): o is Record<string, string | number> =>
  typeof o === 'object' && o !== null && Object.values(o).every((v) => typeof v === 'string' || typeof v === 'number')

export function useTranslations(locale: string): TFunction {
  let t = translators.get(locale)
  if (t) return t
  const fixed = instance.getFixedT(locale) as unknown as (...args: unknown[]) => string
  const memo = new Map<string, string>()
  t = ((key: unknown, ...rest: unknown[]) => {
    const cacheable = typeof key === 'string' && (rest.length === 0 || (rest.length === 1 && simpleOptions(rest[0])))
    if (!cacheable) return fixed(key, ...rest)
    const id = rest.length ? `${key}\u0000${JSON.stringify(rest[0])}` : key
    let value = memo.get(id)
    if (value === undefined) memo.set(id, (value = fixed(key, ...rest)))
    return value
  }) as unknown as TFunction
  translators.set(locale, t)
  return t
}

export { sectionSlug }
