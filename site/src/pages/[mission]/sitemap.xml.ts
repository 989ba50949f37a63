import type { APIRoute } from 'astro'
import { missions } from '../../data/content'
import type { ExportedMission } from '#core/exportContract'
import { sitemapIndex } from '../../routing/sitemaps'

export function getStaticPaths() {
  return missions().map((mission) => ({ params: { mission: mission.code }, props: { mission } }))
}

export const GET: APIRoute = ({ props }) => sitemapIndex((props as { mission: ExportedMission }).mission)
