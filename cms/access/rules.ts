import type { Access, FieldAccess, Where } from 'payload'
import { isHq, isHqAdmin, missionsAllowing, missionsWhere, type ArticleAction } from './roles'
import { publicWhere } from '#core/publicContent'

/**
 * Collection access rules. Row-level rules return a `Where`, so REST, GraphQL and the
 * Local API (with overrideAccess: false) all filter the same way. Finer checks that need
 * the incoming data (which missions, which locale, publishing) live in
 * cms/hooks/enforceArticleRights.ts and cms/hooks/enforceUserRights.ts.
 */

export const anyone: Access = () => true
export const nobody: Access = () => false
export const authenticated: Access = ({ req }) => Boolean(req.user)
export const hqAdminOnly: Access = ({ req }) => isHqAdmin(req.user)
export const hqAdminField: FieldAccess = ({ req }) => isHqAdmin(req.user)

const anyOf = (...conditions: Where[]): Where => ({ or: conditions })
const allOf = (...conditions: Where[]): Where => ({ and: conditions })

/**
 * Articles and pages share their staff rules (the article table in roles.ts) and what "public"
 * means (core/publicContent.ts); they differ in the field naming their missions: `missions`
 * (an article may be shared) or `mission`.
 */
type MissionField = 'missions' | 'mission'

/** Anonymous readers see public documents only; staff also see their missions' drafts; HQ sees all. */
const readMissionContent =
  (live: Where, missionField: MissionField): Access =>
  ({ req }) => {
    const user = req.user
    if (!user) return live
    if (isHq(user)) return true
    const missions = missionsAllowing(user, 'read')
    return missions.length ? anyOf(live, { [missionField]: { in: missions } }) : live
  }

export const readArticles = readMissionContent(publicWhere, 'missions')
export const readPages = readMissionContent(publicWhere, 'mission')

/** Version history (drafts included) is staff-only. Versions nest fields under `version.`. */
export const readArticleVersions: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (isHq(user)) return true
  const missions = missionsAllowing(user, 'read')
  return missions.length ? { 'version.missions': { in: missions } } : false
}

/** Row-level scope for writing: documents of missions where the user may `action`. */
const missionContentWhereUserMay =
  (missionField: MissionField) =>
  (action: ArticleAction): Access =>
  ({ req }) => {
    const user = req.user
    if (!user) return false
    if (user.hqRole === 'hq-admin') return true
    if (user.hqRole === 'hq-editor' && action !== 'delete') return true
    const missions = missionsAllowing(user, action)
    return missions.length ? { [missionField]: { in: missions } } : false
  }

export const articlesWhereUserMay = missionContentWhereUserMay('missions')
export const pagesWhereUserMay = missionContentWhereUserMay('mission')

/** Who may create articles or pages at all; which missions they may create for is checked against the data. */
export const createMissionContent: Access = ({ req }) => Boolean(req.user && (isHq(req.user) || missionsAllowing(req.user, 'create').length))

/** Page versions (drafts included) are staff-only, for the pages of their missions. */
export const readPageVersions: Access = ({ req }) =>
  req.user ? (isHq(req.user) ? true : { 'version.mission': { in: missionsAllowing(req.user, 'read') } }) : false

/** Missions: HQ admins manage them; a mission admin edits their own mission's settings. */
export const updateMissions: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (isHqAdmin(user)) return true
  const missions = missionsWhere(user, ['mission-admin'])
  return missions.length ? { id: { in: missions } } : false
}

/** The `updateMissions` rule for one known mission (the settings preview asks it before rendering). */
export const mayUpdateMission = (user: Parameters<typeof isHqAdmin>[0], missionId: number): boolean =>
  Boolean(user) && (isHqAdmin(user) || missionsWhere(user, ['mission-admin']).includes(missionId))

/** Users: HQ admins see everyone; mission admins their missions' staff; everyone themselves. */
export const readUsers: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (isHqAdmin(user)) return true
  const missions = missionsWhere(user, ['mission-admin'])
  return missions.length ? anyOf({ id: { equals: user.id } }, { 'memberships.mission': { in: missions } }) : { id: { equals: user.id } }
}

export const updateUsers: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (isHqAdmin(user)) return true
  const missions = missionsWhere(user, ['mission-admin'])
  return missions.length
    ? anyOf({ id: { equals: user.id } }, allOf({ 'memberships.mission': { in: missions } }, { hqRole: { exists: false } }))
    : { id: { equals: user.id } }
}

export const createUsers: Access = ({ req }) => Boolean(req.user && (isHqAdmin(req.user) || missionsWhere(req.user, ['mission-admin']).length))

export const deleteUsers: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (isHqAdmin(user)) return true
  const missions = missionsWhere(user, ['mission-admin'])
  return missions.length ? allOf({ 'memberships.mission': { in: missions } }, { hqRole: { exists: false } }, { id: { not_equals: user.id } }) : false
}

/** Role fields are editable in the admin by HQ admins and mission admins (scope checked in hooks). */
export const roleFieldAccess: FieldAccess = ({ req }) => isHqAdmin(req.user) || missionsWhere(req.user, ['mission-admin']).length > 0
