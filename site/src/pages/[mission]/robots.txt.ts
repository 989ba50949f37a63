import type { APIRoute } from 'astro'
import { missions } from '../../data/content'
import type { ExportedMission } from '#core/exportContract'
import { absoluteUrl, sitemapPath } from '../../routing/urls'

export function getStaticPaths() {
  return missions().map((mission) => ({ params: { mission: mission.code }, props: { mission } }))
}

/** Everything may be crawled (noindex pages must be crawlable for their noindex to be seen). */
export const GET: APIRoute = ({ props }) => {
  const { mission } = props as { mission: ExportedMission }
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(mission, sitemapPath(mission))}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
