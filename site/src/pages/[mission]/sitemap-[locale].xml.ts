import type { APIRoute } from 'astro'
import { missions } from '../../data/content'
import type { ExportedMission } from '#core/exportContract'
import { localeSitemap } from '../../routing/sitemaps'

export function getStaticPaths() {
  return missions().flatMap((mission) => mission.locales.map((locale) => ({ params: { mission: mission.code, locale }, props: { mission, locale } })))
}

export const GET: APIRoute = ({ props }) => {
  const { mission, locale } = props as { mission: ExportedMission; locale: string }
  return localeSitemap(mission, locale)
}
