import { ValidationError, type CollectionConfig, type Endpoint, type PayloadHandler, type PayloadRequest } from 'payload'
import { RateLimiterRes } from 'rate-limiter-flexible'
import { payloadLimiter } from '../db/rateLimits'
import type { PreviewResult } from '../preview/renderPreview'

/** Each preview is a private Astro build: at most this many per user and window. */
export const previewLimit = { points: 20, duration: 10 * 60 } as const

/**
 * Preview pages are draft site pages served from the admin's origin. `sandbox` gives them an
 * opaque origin with no scripts, forms or pop-ups, so nothing in a draft can act with the
 * viewer's session (the admin's buttons show them in a sandboxed frame too).
 */
export const PREVIEW_CSP = 'sandbox'

/**
 * Wraps every `…/preview` endpoint of the given collections (articles, pages, missions): login,
 * the per-user limit (429 with Retry-After), and the sandbox header on the answer.
 */
export function withPreviewGuards(collections: CollectionConfig[]): CollectionConfig[] {
  const guard =
    (handler: PayloadHandler): PayloadHandler =>
    async (req) => {
      if (!req.user) return Response.json({ errors: [{ message: 'Log in to preview drafts.' }] }, { status: 401 })
      try {
        // Counted in PostgreSQL: the same limit whichever admin instance builds the preview.
        await payloadLimiter(req.payload, 'preview', previewLimit).consume(`${req.user.collection}:${req.user.id}`)
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res
        const seconds = Math.ceil(res.msBeforeNext / 1000)
        return Response.json(
          { errors: [{ message: `Too many previews; try again in ${seconds} seconds.` }] },
          { status: 429, headers: { 'Retry-After': String(seconds) } },
        )
      }
      const response = await handler(req)
      const headers = new Headers(response.headers)
      headers.set('Content-Security-Policy', PREVIEW_CSP)
      headers.set('X-Content-Type-Options', 'nosniff')
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
    }
  return collections.map((c) =>
    c.endpoints ? { ...c, endpoints: c.endpoints.map((e) => (e.path.endsWith('/preview') ? { ...e, handler: guard(e.handler) } : e)) } : c,
  )
}

/**
 * Draft builds for the admin's preview buttons (cms/preview/renderPreview.ts). The article preview
 * lives with the workflow endpoints (cms/workflow/endpoints.ts); these answer the same way:
 * HTML marked noindex and never cached, or `{ errors: [{ message }] }` with the status.
 */
const htmlOrError = (result: PreviewResult): Response =>
  result.status === 200
    ? new Response(result.html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' } })
    : Response.json({ errors: [{ message: result.message }] }, { status: result.status })

const localeOf = (req: PayloadRequest) => (typeof req.query?.locale === 'string' ? req.query.locale : 'vi')

/** GET /api/pages/:id/preview?locale=vi — the page's latest draft inside the mission's published site. */
export const pagePreviewEndpoints: Endpoint[] = [
  {
    path: '/:id/preview',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return Response.json({ errors: [{ message: 'Log in to preview drafts.' }] }, { status: 401 })
      const { renderPagePreview } = await import('../preview/renderPreview')
      return htmlOrError(await renderPagePreview(req, String(req.routeParams?.id), localeOf(req)))
    },
  },
]

/**
 * POST /api/missions/:id/preview?locale=vi[&path=news] — body: the unsaved edit form of the
 * mission (localized fields in `locale`). The site page at `path` (default: home) as it would
 * look after saving; invalid settings get the save's 400 and messages. Nothing is saved.
 */
export const missionPreviewEndpoints: Endpoint[] = [
  {
    path: '/:id/preview',
    method: 'post',
    handler: async (req) => {
      if (!req.user) return Response.json({ errors: [{ message: 'Log in to preview changes.' }] }, { status: 401 })
      let formData: unknown
      try {
        formData = await req.json?.()
      } catch {
        formData = undefined
      }
      if (!formData || typeof formData !== 'object' || Array.isArray(formData)) {
        return Response.json(
          { errors: [{ message: 'Send the mission’s form data as a JSON object, e.g. {"siteTitle":"…","accentColour":"#1f5fa8"}.' }] },
          { status: 400 },
        )
      }
      const sitePath = typeof req.query?.path === 'string' ? req.query.path : ''
      const { renderSettingsPreview } = await import('../preview/renderPreview')
      try {
        return htmlOrError(await renderSettingsPreview(req, String(req.routeParams?.id), localeOf(req), formData as Record<string, unknown>, sitePath))
      } catch (error) {
        // The same answer a save with this data gets: 400, "The following field is invalid: …", per-field messages.
        if (error instanceof ValidationError)
          return Response.json({ errors: [{ name: error.name, message: error.message, data: error.data }] }, { status: 400 })
        throw error
      }
    },
  },
]
