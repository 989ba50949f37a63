import type { Access, FieldAccess, Where } from 'payload'
import { isHq, isHqAdmin, missionsWhere, missionRoles } from './roles'

/**
 * Collection access rules. Deny by default: every rule names who may, and row-level
 * rules return a `Where` so REST, GraphQL and the Local API (overrideAccess: false)
 * all filter the same way.
 */

export const anyone: Access = () => true
export const nobody: Access = () => false
export const authenticated: Access = ({ req }) => Boolean(req.user)
export const hqAdminOnly: Access = ({ req }) => isHqAdmin(req.user)
export const hqAdminField: FieldAccess = ({ req }) => isHqAdmin(req.user)

const publishedOnly: Where = { _status: { equals: 'published' } }

/** Anonymous readers see published documents only; staff see their missions' documents, HQ all. */
export const readMissionContent: Access = ({ req }) => {
  const user = req.user
  if (!user) return publishedOnly
  if (isHq(user)) return true
  const missions = missionsWhere(user, missionRoles)
  return missions.length ? { missions: { in: missions } } : publishedOnly
}

/** Staff may write documents that belong to one of their missions; HQ may write any. */
export const writeMissionContent =
  (roles: readonly (typeof missionRoles)[number][]): Access =>
  ({ req }) => {
    const user = req.user
    if (!user) return false
    if (isHq(user)) return true
    const missions = missionsWhere(user, roles)
    return missions.length ? { missions: { in: missions } } : false
  }
