import type { Payload, PayloadRequest } from 'payload'
import { missionSiteUrl } from '#core/paths'
import { rtlLocales } from '#core/locales'

/** What reader pages and messages show of a mission: its name per locale, site, colour, languages. */
export type MissionView = {
  id: number
  code: string
  name: Record<string, string>
  siteUrl: string
  locales: string[]
  defaultLocale: string
  accent: string
  timeZone: string
}

export const dirOf = (locale: string) => (rtlLocales.includes(locale) ? 'rtl' : 'ltr')
export const nameIn = (m: MissionView, locale: string) => m.name[locale] || m.name[m.defaultLocale] || m.code

/** The mission by code or id, read in every locale (mission records are public). */
export async function loadMission(payload: Payload, by: { code?: string; id?: number }, req?: PayloadRequest): Promise<MissionView | null> {
  const found = await payload.find({
    collection: 'missions',
    where: by.code !== undefined ? { code: { equals: by.code } } : { id: { equals: by.id } },
    locale: 'all',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
  })
  const m = found.docs[0] as unknown as
    | {
        id: number
        code: string
        name: Record<string, string>
        siteTitle?: Record<string, string>
        siteUrl?: string
        enabledLocales: string[]
        defaultLocale: string
        accentColour?: string
        timeZone?: string
      }
    | undefined
  if (!m) return null
  const siteUrl = missionSiteUrl(m.code, m.siteUrl)
  return {
    id: m.id,
    code: m.code,
    name: Object.fromEntries(Object.entries(m.name ?? {}).map(([l, n]) => [l, m.siteTitle?.[l] || n])),
    siteUrl,
    locales: m.enabledLocales,
    defaultLocale: m.defaultLocale,
    accent: m.accentColour || '#a4161a',
    timeZone: m.timeZone || 'UTC',
  }
}
