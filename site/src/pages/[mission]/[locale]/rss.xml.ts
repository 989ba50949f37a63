import type { APIRoute } from 'astro'
import { listedArticles, missions } from '#site/data/content'
import type { ExportedMission } from '#core/exportContract'
import { feedResponse } from '#site/routing/feeds'

export function getStaticPaths() {
  return missions().flatMap((mission) => mission.locales.map((locale) => ({ params: { mission: mission.code, locale }, props: { mission, locale } })))
}

export const GET: APIRoute = ({ props }) => {
  const { mission, locale } = props as { mission: ExportedMission; locale: string }
  return feedResponse(mission, locale, listedArticles(mission.code, locale))
}
