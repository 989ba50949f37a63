import { ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import type { PreviewResult } from '../preview/renderPreview'

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
        return Response.json({ errors: [{ message: 'Send the mission’s form data as a JSON object, e.g. {"siteTitle":"…","accentColour":"#1f5fa8"}.' }] }, { status: 400 })
      }
      const sitePath = typeof req.query?.path === 'string' ? req.query.path : ''
      const { renderSettingsPreview } = await import('../preview/renderPreview')
      try {
        return htmlOrError(await renderSettingsPreview(req, String(req.routeParams?.id), localeOf(req), formData as Record<string, unknown>, sitePath))
      } catch (error) {
        // The same answer a save with this data gets: 400, "The following field is invalid: …", per-field messages.
        if (error instanceof ValidationError) return Response.json({ errors: [{ name: error.name, message: error.message, data: error.data }] }, { status: 400 })
        throw error
      }
    },
  },
]
