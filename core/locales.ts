/**
 * Content locales. Vietnamese is the source language of the ministry; English is
 * always available. Adding a locale changes a Postgres enum, so it needs a migration
 * (see docs/adding-a-locale.md).
 */
export const contentLocales = [
  { code: 'vi', label: 'Tiếng Việt' },
  { code: 'en', label: 'English' },
  // Host-country languages; a mission switches them on in its settings (enabledLocales).
  { code: 'ar', label: 'العربية' },
] as const

/** Right-to-left content locales: pages get dir="rtl". */
export const rtlLocales: readonly string[] = ['ar']

export type ContentLocale = (typeof contentLocales)[number]['code']
export const defaultLocale: ContentLocale = 'vi'
export const localeCodes = contentLocales.map((l) => l.code) as ContentLocale[]
/** Whether a code is one of the content locales (and so a ContentLocale). */
export const isContentLocale = (code: unknown): code is ContentLocale => contentLocales.some((l) => l.code === code)

export const sections = ['news', 'cultural-diplomacy', 'external-information'] as const
export type Section = (typeof sections)[number]
