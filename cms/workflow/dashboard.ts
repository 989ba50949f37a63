import type { Endpoint } from 'payload'
import { idOf, idsOf, isHq, missionsAllowing } from '../access/roles'
import { defaultLocale, localeCodes } from '#core/locales'
import { sameSource, sourceLocaleOf, sourceTextOf, type SourceText } from '#core/sourceText'

type ByLocale<T> = Record<string, T | null | undefined> | null | undefined

/**
 * GET /api/workflow/dashboard[?mission=<code>] — what needs doing in the user's missions:
 * missing and outdated translations, items waiting for review, scheduled items.
 */
export const dashboardEndpoint: Endpoint = {
  path: '/workflow/dashboard',
  method: 'get',
  handler: async (req) => {
    const user = req.user
    if (!user) return Response.json({ errors: [{ message: 'Log in to see the dashboard.' }] }, { status: 401 })
    const code = typeof req.query?.mission === 'string' ? req.query.mission : undefined
    const missions = await req.payload.find({
      collection: 'missions',
      where: code ? { code: { equals: code } } : {},
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const visible = missions.docs.filter((m) => isHq(user) || missionsAllowing(user, 'read').includes(m.id))
    if (code && !visible.length) return Response.json({ errors: [{ message: `Unknown mission "${code}" or not yours.` }] }, { status: 404 })
    const articles = await req.payload.find({
      collection: 'articles',
      where: { missions: { in: visible.map((m) => m.id) } },
      locale: 'all',
      draft: true,
      depth: 0,
      limit: 200,
      sort: '-updatedAt',
      overrideAccess: true, // scoped to the user's missions above
      req,
    })
    const item = (doc: { id: number }, title: ByLocale<string>, locale: string) => ({
      id: doc.id,
      locale,
      title: title?.[locale] ?? title?.[defaultLocale] ?? '',
    })
    const result = {
      missions: visible.map((m) => m.code),
      missingTranslation: [] as unknown[],
      outdated: [] as unknown[],
      inReview: [] as unknown[],
      scheduled: [] as unknown[],
    }
    for (const doc of articles.docs as unknown as Record<string, ByLocale<unknown>>[] & { id: number }[]) {
      const d = doc as unknown as {
        id: number
        sourceLocale?: string
        title: ByLocale<string>
        summary: ByLocale<string>
        body: ByLocale<unknown>
        missions?: unknown
        workflow: ByLocale<{ state?: string; scheduledAt?: string; submittedBy?: unknown }>
        translation: ByLocale<{ sourceSnapshot?: SourceText }>
      }
      const source = sourceLocaleOf(d)
      const sourceNow = sourceTextOf({ title: d.title?.[source], summary: d.summary?.[source], body: d.body?.[source] })
      for (const locale of localeCodes) {
        const state = d.workflow?.[locale]?.state ?? 'draft'
        if (!d.title?.[locale]) {
          if (locale !== source) result.missingTranslation.push(item(d, d.title, locale))
          continue
        }
        const snapshot = d.translation?.[locale]?.sourceSnapshot
        if (locale !== source && snapshot && !sameSource(snapshot, sourceNow)) result.outdated.push(item(d, d.title, locale))
        // Missions and submitter let the dashboard offer "approve and publish" only to those who may.
        if (state === 'in_review' || state === 'approved')
          result.inReview.push({
            ...item(d, d.title, locale),
            state,
            missions: idsOf(d.missions),
            submittedBy: idOf(d.workflow?.[locale]?.submittedBy) ?? null,
          })
        if (state === 'scheduled') result.scheduled.push({ ...item(d, d.title, locale), at: d.workflow?.[locale]?.scheduledAt })
      }
    }
    return Response.json(result)
  },
}
