import type { Endpoint } from 'payload'
import { isHq, missionsAllowing } from '../access/roles'
import { defaultLocale, isContentLocale, localeCodes } from '#core/locales'

type ByLocale<T> = Record<string, T | null | undefined> | null | undefined
export type CalendarItem = { kind: 'scheduled' | 'event' | 'planned'; at: string; id: number; title: string; locales: string[] }

/**
 * GET /api/workflow/calendar?mission=<code>[&locale=en][&from=ISO&to=ISO] — the editorial
 * calendar of the user's missions: scheduled publishes (per locale), event dates and planned
 * dates (`plannedFor`, which publishes nothing), sorted by time.
 */
export const calendarEndpoint: Endpoint = {
  path: '/workflow/calendar',
  method: 'get',
  handler: async (req) => {
    const user = req.user
    if (!user) return Response.json({ errors: [{ message: 'Log in to see the calendar.' }] }, { status: 401 })
    const q = (req.query ?? {}) as Record<string, unknown>
    const code = typeof q.mission === 'string' && q.mission ? q.mission : undefined
    const locale = typeof q.locale === 'string' && q.locale ? q.locale : undefined
    if (locale && !isContentLocale(locale))
      return Response.json({ errors: [{ message: `Unknown locale "${locale}". Use one of: ${localeCodes.join(', ')}.` }] }, { status: 400 })
    const bound = (v: unknown) => (typeof v === 'string' && v ? new Date(v) : null)
    const from = bound(q.from)
    const to = bound(q.to)
    if ((from && Number.isNaN(from.getTime())) || (to && Number.isNaN(to.getTime())))
      return Response.json({ errors: [{ message: 'from and to must be dates such as 2026-12-01.' }] }, { status: 400 })
    const missions = await req.payload.find({ collection: 'missions', depth: 0, pagination: false, overrideAccess: true, req })
    const visible = missions.docs.filter((m) => isHq(user) || missionsAllowing(user, 'read').includes(m.id))
    const chosen = code ? visible.filter((m) => m.code === code) : visible
    if (code && !chosen.length) return Response.json({ errors: [{ message: `Unknown mission "${code}" or not yours.` }] }, { status: 404 })
    const articles = await req.payload.find({
      collection: 'articles',
      where: { missions: { in: chosen.map((m) => m.id) } },
      locale: 'all',
      draft: true,
      depth: 0,
      limit: 500,
      sort: '-updatedAt',
      overrideAccess: true, // scoped to the user's missions above
      req,
    })
    const items: CalendarItem[] = []
    for (const raw of articles.docs) {
      const d = raw as unknown as {
        id: number
        title: ByLocale<string>
        workflow: ByLocale<{ state?: string; scheduledAt?: string | null }>
        event?: { startsAt?: string | null } | null
        plannedFor?: string | null
      }
      const written = localeCodes.filter((l) => d.title?.[l])
      const title = (l?: string) => (l && d.title?.[l]) || d.title?.[defaultLocale] || d.title?.[written[0] ?? ''] || `#${d.id}`
      for (const l of written) {
        const w = d.workflow?.[l]
        if (w?.state === 'scheduled' && w.scheduledAt) items.push({ kind: 'scheduled', at: w.scheduledAt, id: d.id, title: title(l), locales: [l] })
      }
      if (d.event?.startsAt) items.push({ kind: 'event', at: d.event.startsAt, id: d.id, title: title(locale), locales: written })
      if (d.plannedFor) items.push({ kind: 'planned', at: d.plannedFor, id: d.id, title: title(locale), locales: written })
    }
    const shown = items
      .filter((i) => !locale || i.locales.includes(locale))
      .filter((i) => (!from || new Date(i.at) >= from) && (!to || new Date(i.at) < to))
      .sort((a, b) => a.at.localeCompare(b.at))
    return Response.json({
      missions: chosen.map((m) => ({ code: m.code, locales: m.enabledLocales ?? [], timeZone: m.timeZone ?? null })),
      items: shown,
    })
  },
}
