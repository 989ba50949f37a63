import type { User } from '#core/payload-types'
import { refusal } from '../lib/errors'

/**
 * Who may do what, in one place. HQ roles are global; every other role is held per
 * mission membership, so a roving ambassador's staff can serve several missions.
 * Deny by default: an action is allowed only if a table below grants it.
 */
export const hqRoles = ['hq-admin', 'hq-editor'] as const
export const missionRoles = ['mission-admin', 'reviewer', 'press-officer', 'translator'] as const
export type HqRole = (typeof hqRoles)[number]
export type MissionRole = (typeof missionRoles)[number]
export type Role = HqRole | MissionRole

export type ArticleAction = 'create' | 'read' | 'update' | 'delete' | 'publish' | 'translate'

/** Article rights per role (docs/access.md renders this table). */
export const articleRights: Record<Role, readonly ArticleAction[]> = {
  'hq-admin': ['create', 'read', 'update', 'delete', 'publish', 'translate'],
  'hq-editor': ['create', 'read', 'update', 'publish', 'translate'],
  'mission-admin': ['create', 'read', 'update', 'delete', 'translate'],
  reviewer: ['create', 'read', 'update', 'publish', 'translate'],
  'press-officer': ['create', 'read', 'update', 'translate'],
  // Translators edit only their assigned locales; cms/hooks/enforceArticleRights.ts checks which.
  translator: ['read', 'translate'],
}

/** Roles a mission admin may grant, for their own missions only. */
export const grantableByMissionAdmin: readonly MissionRole[] = ['reviewer', 'press-officer', 'translator']

type UserLike = Partial<Pick<User, 'id' | 'hqRole' | 'memberships'>> | null | undefined
export type Membership = { mission: number; role: MissionRole; locales: string[] }

/**
 * A document id from incoming data or a stored relationship: a positive integer, its decimal
 * digits, or an object carrying one. Absent (null, undefined, '') is undefined. Anything else
 * ("+2", " 2", "2abc", 1.5, {}) is refused with 400: Postgres and Payload would read some of
 * these as another id than the rights check did, so an unreadable id is never skipped.
 */
export function idOf(value: unknown): number | undefined {
  if (value == null || value === '') return undefined
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value
  if (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value)
  if (typeof value === 'object' && !Array.isArray(value) && 'id' in value) return idOf((value as { id: unknown }).id)
  throw refusal(
    `"${String(typeof value === 'object' ? JSON.stringify(value) : value).slice(0, 40)}" is not a document id: send the id as a number, e.g. 2.`,
    400,
  )
}

/** The ids of a relationship list (a single value counts as a list of one); each entry is read by idOf. */
export const idsOf = (values: unknown): number[] => (Array.isArray(values) ? values : [values]).map(idOf).filter((v): v is number => v !== undefined)

export function membershipsOf(user: UserLike): Membership[] {
  return (user?.memberships ?? []).flatMap((m) => {
    const mission = idOf(m.mission)
    return mission === undefined ? [] : [{ mission, role: m.role as MissionRole, locales: (m.translationLocales ?? []) as string[] }]
  })
}

export const isHqAdmin = (user: UserLike) => user?.hqRole === 'hq-admin'
export const isHq = (user: UserLike) => user?.hqRole === 'hq-admin' || user?.hqRole === 'hq-editor'

/** Missions in which the user holds any of `roles`. */
export function missionsWhere(user: UserLike, roles: readonly MissionRole[]): number[] {
  return [
    ...new Set(
      membershipsOf(user)
        .filter((m) => roles.includes(m.role))
        .map((m) => m.mission),
    ),
  ]
}

/** Missions in which the user may perform `action` on articles. */
export function missionsAllowing(user: UserLike, action: ArticleAction): number[] {
  return [
    ...new Set(
      membershipsOf(user)
        .filter((m) => articleRights[m.role].includes(action))
        .map((m) => m.mission),
    ),
  ]
}

/**
 * May the user perform `action` on an article belonging to `missions`? HQ roles act
 * everywhere; a mission role must cover every mission the article belongs to, so a
 * mission cannot change an article HQ shares with other missions.
 */
export function canOnArticle(user: UserLike, action: ArticleAction, missions: number[]): boolean {
  if (!user) return false
  if (user.hqRole && articleRights[user.hqRole as HqRole]?.includes(action)) return true
  if (!missions.length) return false
  const allowed = missionsAllowing(user, action)
  return missions.every((m) => allowed.includes(m))
}

/** Locales a translator may edit across all of `missions` (intersection). */
export function translatableLocales(user: UserLike, missions: number[]): string[] {
  const perMission = missions.map((mission) =>
    membershipsOf(user)
      .filter((m) => m.mission === mission && m.role === 'translator')
      .flatMap((m) => m.locales),
  )
  if (!perMission.length) return []
  return perMission.reduce((acc, list) => acc.filter((l) => list.includes(l)))
}
