import { type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type CollectionBeforeOperationHook } from 'payload'
import { refusal } from '../lib/errors'
import { grantableByMissionAdmin, idOf, isHqAdmin, missionsWhere } from '../access/roles'
import { mayManageUser, maySetCredentials } from '../access/users'
import type { User } from '#core/payload-types'
import { keepingLocale } from '#core/nestedRead'

const MIN_PASSWORD_LENGTH = 12

type IncomingUser = { hqRole?: unknown; memberships?: { mission?: unknown; role?: unknown }[]; password?: unknown }

/**
 * Runs on the raw request data, before field access would silently drop role fields, so
 * that mass-assignment of roles is refused loudly instead of half-applied.
 */
const normalise = (memberships: IncomingUser['memberships']) =>
  JSON.stringify(
    (memberships ?? [])
      .map((m) => ({ mission: idOf(m.mission), role: m.role, locales: [...((m as { translationLocales?: string[] }).translationLocales ?? [])].sort() }))
      .sort((a, b) => `${a.mission}${a.role}`.localeCompare(`${b.mission}${b.role}`)),
  )

export const enforceUserRights: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const data = (args as { data?: IncomingUser }).data
  // A reset sets a password too (POST /api/users/reset-password): the same length rule.
  if ((operation as string) === 'resetPassword' && data && (typeof data.password !== 'string' || data.password.length < MIN_PASSWORD_LENGTH)) {
    throw refusal(`Passwords must be at least ${MIN_PASSWORD_LENGTH} characters long.`, 400)
  }
  if (operation !== 'create' && operation !== 'update') return args
  if (!data) return args
  if (typeof data.password === 'string' && data.password.length < MIN_PASSWORD_LENGTH) {
    throw refusal(`Passwords must be at least ${MIN_PASSWORD_LENGTH} characters long.`, 400)
  }
  const user = req.user
  if (!user || isHqAdmin(user)) return args // no user: system (seed, first-user set-up goes through create-first-user)
  // Forms re-send unchanged values: only a change of roles needs the right to grant it.
  const id = (args as { id?: number | string }).id
  const current =
    operation === 'update' && id != null
      ? ((await keepingLocale(req, () => req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req })).catch(
          () => null,
        )) as IncomingUser | null)
      : null
  const hqRoleChanged = 'hqRole' in data && (data.hqRole ?? null) !== (current?.hqRole ?? null) && !(data.hqRole === '' && !current?.hqRole)
  if (hqRoleChanged) throw refusal('Only HQ admins can grant HQ roles.')
  if ('memberships' in data && data.memberships !== undefined && normalise(data.memberships) !== normalise(current?.memberships)) {
    const administered = missionsWhere(user, ['mission-admin'])
    if (!administered.length) throw refusal('Only HQ admins and mission admins can change roles.')
    for (const m of data.memberships ?? []) {
      const mission = idOf(m.mission)
      if (mission === undefined || !administered.includes(mission)) {
        throw refusal('Mission admins can only grant roles in the missions they administer.')
      }
      if (!grantableByMissionAdmin.some((r) => r === m.role)) {
        throw refusal(`Mission admins can grant only these roles: ${grantableByMissionAdmin.join(', ')}.`)
      }
    }
  }
  return args
}

const sameEmail = (a: unknown, b: unknown) =>
  String(a ?? '')
    .trim()
    .toLowerCase() ===
  String(b ?? '')
    .trim()
    .toLowerCase()

/**
 * Per account being changed (bulk updates included): a mission admin edits only accounts that
 * lie wholly in missions they administer (cms/access/users.ts), and nobody but the owner or an
 * HQ admin sets an account's password or e-mail address. Inside the save's transaction, so a
 * refusal writes nothing. System writes (no user) pass.
 */
export const guardAccountChange: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const user = req.user
  if (operation !== 'update' || !user || isHqAdmin(user) || !originalDoc) return data
  const own = String(originalDoc.id) === String(user.id)
  if (!own && !mayManageUser(user, originalDoc as User)) {
    throw refusal('You may edit only accounts whose every mission you administer and whose roles are below mission admin.')
  }
  if (!maySetCredentials(user, originalDoc.id)) {
    if (typeof data.password === 'string' && data.password)
      throw refusal('Only the account’s owner or an HQ admin sets its password; send a password reset instead.')
    if ('email' in data && !sameEmail(data.email, originalDoc.email)) throw refusal('Only the account’s owner or an HQ admin changes its e-mail address.')
  }
  return data
}

/** Deleting an account: HQ admins, or a mission admin for an account they may manage (never their own). */
export const guardAccountDeletion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = req.user
  if (!user || isHqAdmin(user)) return
  if (String(id) === String(user.id)) throw refusal('You cannot delete your own account.')
  const target = (await keepingLocale(req, () =>
    req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req, disableErrors: true }),
  )) as User | null
  if (!mayManageUser(user, target)) throw refusal('You may delete only accounts whose every mission you administer and whose roles are below mission admin.')
}
