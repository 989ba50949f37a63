import type { User } from '../payload-types'

/**
 * Who a user is, in one place. HQ roles are global; every other role is held per
 * mission membership, so a roving ambassador's staff can serve several missions.
 */
export const hqRoles = ['hq-admin', 'hq-editor'] as const
export const missionRoles = ['mission-admin', 'reviewer', 'press-officer', 'translator'] as const
export type HqRole = (typeof hqRoles)[number]
export type MissionRole = (typeof missionRoles)[number]

type Membership = { mission: number; role: MissionRole; locales: string[] }

const idOf = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : typeof value === 'object' && value && 'id' in value ? Number((value as { id: number }).id) : undefined

export function membershipsOf(user: Partial<User> | null | undefined): Membership[] {
  return (user?.memberships ?? []).flatMap((m) => {
    const mission = idOf(m.mission)
    return mission === undefined ? [] : [{ mission, role: m.role as MissionRole, locales: (m.translationLocales ?? []) as string[] }]
  })
}

export const isHqAdmin = (user: Partial<User> | null | undefined) => user?.hqRole === 'hq-admin'
export const isHq = (user: Partial<User> | null | undefined) => user?.hqRole === 'hq-admin' || user?.hqRole === 'hq-editor'

/** Missions in which the user holds any of `roles`. */
export function missionsWhere(user: Partial<User> | null | undefined, roles: readonly MissionRole[]): number[] {
  return [...new Set(membershipsOf(user).filter((m) => roles.includes(m.role)).map((m) => m.mission))]
}
