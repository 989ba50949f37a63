import type { CollectionBeforeOperationHook } from 'payload'
import { isHqAdmin } from '../access/roles'
import { refusal } from '../lib/errors'
import { keepingLocale } from '#core/nestedRead'

/**
 * Mission fields only HQ admins change, refused loudly (field access alone would drop them
 * silently and answer 200): the code and kind, the host country, and the public site URL —
 * where the site is built for and which address readers are sent to is a publish right.
 * Runs on the raw request data; forms re-send unchanged values, so only a change counts.
 */
export const hqOnlyMissionFields = ['code', 'kind', 'hostCountry', 'siteUrl'] as const

export const enforceMissionRights: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'update' || !req.user || isHqAdmin(req.user)) return args
  const data = (args as { data?: Record<string, unknown> }).data
  const sent = hqOnlyMissionFields.filter((f) => data && f in data)
  if (!sent.length) return args
  const id = (args as { id?: number | string }).id
  const current =
    id == null
      ? null
      : ((await keepingLocale(req, () =>
          req.payload.findByID({ collection: 'missions', id, depth: 0, overrideAccess: true, disableErrors: true, req }),
        )) as Record<string, unknown> | null)
  const norm = (v: unknown) => (v == null ? '' : String(v))
  const changed = sent.filter((f) => !current || norm(data![f]) !== norm(current[f]))
  if (changed.length) throw refusal(`Only HQ admins change a mission's ${changed.join(', ')}.`)
  return args
}
