import type { APIRoute } from 'astro'
import { listedArticles, missions } from '#site/data/content'
import type { ExportedMission } from '#core/exportContract'
import { sectionSlug } from '#site/i18n'
import { sections } from '#core/locales'
import { feedResponse } from '#site/routing/feeds'

export function getStaticPaths() {
  return missions().flatMap((mission) =>
    mission.locales.flatMap((locale) =>
      sections.map((section) => ({ params: { mission: mission.code, locale, section: sectionSlug(locale, section) }, props: { mission, locale, section } })),
    ),
  )
}

export const GET: APIRoute = ({ props }) => {
  const { mission, locale, section } = props as { mission: ExportedMission; locale: string; section: string }
  return feedResponse(
    mission,
    locale,
    listedArticles(mission.code, locale).filter((a) => a.section === section),
    section,
  )
}
