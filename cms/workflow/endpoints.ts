import type { Endpoint } from 'payload'
import { isHq, missionsAllowing } from '../access/roles'
import { missionsOfDoc, runTransition, workflowView } from './transition'
import { loadAllLocales } from './localeView'
import type { WorkflowCollection } from './stateMachine'
import { defaultLocale } from '#core/locales'

/**
 * Staff see the workflow of every document the read access lets them see as staff
 * (cms/access/rules.ts, readMissionContent): HQ all, others a document of *any* of their missions
 * — an article shared with another mission included, whose workflow the document carries anyway.
 */
const staffMayRead = (user: Parameters<typeof isHq>[0], missions: number[]) => isHq(user) || missions.some((m) => missionsAllowing(user, 'read').includes(m))

/** POST /api/<articles|pages>/:id/workflow — one transition; GET — per-locale state, history, staleness. */
export const workflowEndpointsOf = (collection: WorkflowCollection): Endpoint[] => [
  {
    path: '/:id/workflow',
    method: 'post',
    handler: async (req) => {
      if (!req.user) return Response.json({ errors: [{ message: 'Log in to change the workflow.' }] }, { status: 401 })
      let input: Record<string, unknown>
      try {
        input = (await req.json?.()) ?? {}
      } catch {
        return Response.json({ errors: [{ message: 'Send a JSON body: {"locale":"en","action":"submit"}.' }] }, { status: 400 })
      }
      const result = await runTransition(req, String(req.routeParams?.id), input, { collection })
      return Response.json(result.body, { status: result.status })
    },
  },
  {
    path: '/:id/workflow',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return Response.json({ errors: [{ message: 'Log in to see the workflow.' }] }, { status: 401 })
      const id = String(req.routeParams?.id)
      const docs = await loadAllLocales(req, collection, id)
      // The missions are not localized: any locale's copy names them.
      if (!docs.exists || !staffMayRead(req.user, missionsOfDoc(docs.latest(defaultLocale))))
        return Response.json({ errors: [{ message: `${collection === 'pages' ? 'Page' : 'Article'} not found.` }] }, { status: 404 })
      return Response.json(await workflowView(req, id, collection, docs))
    },
  },
]

/** The article endpoints: workflow, and the draft preview. */
export const workflowEndpoints: Endpoint[] = [
  workflowEndpointsOf('articles')[0]!,
  {
    // GET /api/articles/:id/preview?locale=vi[&mission=<code>] — the draft as the mission's site would show it.
    path: '/:id/preview',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return Response.json({ errors: [{ message: 'Log in to preview drafts.' }] }, { status: 401 })
      const locale = typeof req.query?.locale === 'string' ? req.query.locale : defaultLocale
      const mission = typeof req.query?.mission === 'string' ? req.query.mission : undefined
      const { renderArticlePreview } = await import('../preview/renderPreview')
      const result = await renderArticlePreview(req, String(req.routeParams?.id), locale, mission)
      if (result.status !== 200) return Response.json({ errors: [{ message: result.message }] }, { status: result.status })
      return new Response(result.html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } })
    },
  },
  workflowEndpointsOf('articles')[1]!,
]
