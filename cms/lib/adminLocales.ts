import type { Locale, PayloadRequest } from 'payload'
import { isHq, missionsAllowing } from '../access/roles'
import { keepingLocale } from '#core/nestedRead'

/**
 * The admin's language switcher offers mission staff only the languages their missions publish
 * (Missions → enabledLocales): no Arabic for Canberra. HQ sees every locale. Only the admin UI
 * uses this (Payload's `localization.filterAvailableLocales`); the API accepts every locale.
 */
export async function localesOfUsersMissions({ locales, req }: { locales: Locale[]; req: PayloadRequest }): Promise<Locale[]> {
  const user = req.user
  if (!user || isHq(user)) return locales
  const missions = missionsAllowing(user, 'read')
  if (!missions.length) return locales
  const found = await keepingLocale(req, () =>
    req.payload.find({ collection: 'missions', where: { id: { in: missions } }, depth: 0, pagination: false, overrideAccess: true, req }),
  )
  const enabled = new Set(found.docs.flatMap((m) => (m.enabledLocales ?? []) as string[]))
  const kept = locales.filter((l) => enabled.has(l.code))
  return kept.length ? kept : locales
}
