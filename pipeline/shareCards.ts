import path from 'node:path'
import type { ExportedMission, ExportedShareCards } from '#core/exportContract'
import { rtlLocales, sections } from '#core/locales'
import { mediaCacheDir } from '#core/paths'
import { uiKey, uiString, type UiKey } from '#core/uiStrings'
import { placeCard, shareCard } from '../media/shareCard'

/** Makes the share cards of one mission's site, in one locale, for pages that have no picture of their own. */
export type CardMaker = (locale: string, title: string) => Promise<string>

/**
 * Card generator for one mission: its name (site title), logo or flag, colour and address are
 * drawn with the page title; cached by content hash in the media cache, placed in the site's
 * media folder. Per-article title cards were measured at ~25 ms each (9,600 articles × 2
 * locales ≈ 8 CPU-minutes for a full build of the benchmark corpus), so an article without a
 * hero shares its section's card.
 */
export function cardMaker(mission: Pick<ExportedMission, 'name' | 'defaultLocale' | 'siteUrl' | 'site'>, siteDir: string): CardMaker {
  const site = new URL(mission.siteUrl)
  const logoFile = mission.site?.logo ? path.join(siteDir, mission.site.logo.src) : null
  return async (locale, title) => {
    const missionName = mission.site?.title?.[locale] || mission.name[locale] || mission.name[mission.defaultLocale] || ''
    const card = await shareCard(
      {
        missionName,
        title,
        site: `${site.host}${site.pathname}${locale}/`,
        accent: mission.site?.accentColour ?? '#a4161a',
        rtl: rtlLocales.includes(locale),
        logoFile,
      },
      mediaCacheDir,
    )
    return placeCard(card, siteDir)
  }
}

/** The cards of the pages every site has: home (the mission's kind), each section, the accredited countries. */
export async function siteCards(mission: ExportedMission & { kind: string }, make: CardMaker): Promise<Record<string, ExportedShareCards>> {
  const cards: Record<string, ExportedShareCards> = {}
  for (const locale of mission.locales) {
    const t = (key: UiKey) => uiString(locale, key)
    const bySection: Record<string, string> = {}
    for (const s of sections) bySection[s] = await make(locale, t(uiKey('section', s, 'name')))
    cards[locale] = {
      home: await make(locale, t(uiKey('kind', mission.kind))),
      sections: bySection,
      countries: mission.site?.accredited.length ? await make(locale, t('countries.title')) : null,
    }
  }
  return cards
}
