import type { APIRoute } from 'astro'
import { missions } from '../../data/content'

export function getStaticPaths() {
  return missions().map((m) => ({ params: { mission: m.code } }))
}

/**
 * The icon of missions that have not uploaded their own (Missions → Site → Favicon): the
 * national flag, a gold star on red. Without any icon every visit asks the CDN for a
 * /favicon.ico that does not exist.
 */
const flag = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 30"><rect width="30" height="30" rx="3" fill="#da251d"/><path fill="#ff0" d="M15 6.5l2.35 7.24h7.61l-6.16 4.47 2.35 7.24L15 20.98l-6.15 4.47 2.35-7.24-6.16-4.47h7.61z"/></svg>
`

export const GET: APIRoute = () => new Response(flag, { headers: { 'Content-Type': 'image/svg+xml' } })
