import type { User } from '#core/payload-types'
import { grantableByMissionAdmin, isHqAdmin, membershipsOf, missionsWhere } from './roles'

type UserLike = Partial<Pick<User, 'id' | 'hqRole' | 'memberships'>> | null | undefined

/**
 * May `actor` edit or delete the account `target`? HQ admins: anyone. A mission admin: only
 * accounts whose every membership lies in a mission they administer and holds a role below
 * their own (reviewer, press officer, translator), with no HQ role — so rights in a mission
 * they do not run can never pass through them. Accounts with no membership at all belong to HQ.
 * Collection access (rules.ts) narrows lists by mission; this is the exact check on one account.
 */
export function mayManageUser(actor: UserLike, target: UserLike): boolean {
  if (!actor || !target) return false
  if (isHqAdmin(actor)) return true
  if (target.hqRole) return false
  const administered = missionsWhere(actor, ['mission-admin'])
  const memberships = membershipsOf(target)
  return memberships.length > 0 && memberships.every((m) => administered.includes(m.mission) && grantableByMissionAdmin.some((r) => r === m.role))
}

/**
 * Password and e-mail address are the account's keys: only its owner and HQ admins set them.
 * Everyone else sends a password reset (POST /api/users/forgot-password), which reaches the
 * owner's mailbox, never the sender.
 */
export const maySetCredentials = (actor: UserLike, targetId: unknown): boolean =>
  Boolean(actor) && (isHqAdmin(actor) || (actor?.id != null && String(actor.id) === String(targetId)))
