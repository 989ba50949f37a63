import type { Where } from 'payload'

/**
 * What "public" means, in one place. A document (article or page) is public in a locale when
 * it has a published copy (`_status`) and that locale's live copy is in a live state
 * (`workflow.state`, set only by the workflow's publish verbs). The access rules
 * (cms/access/rules.ts), the export (pipeline/) and the workflow's view of the live copy all
 * use these, so they cannot disagree.
 */
export const liveStates = ['published', 'withdrawn'] as const
export type LiveState = (typeof liveStates)[number]

export const isLiveState = (state: unknown): state is LiveState => liveStates.includes(state as LiveState)

/** Row filter: public in the query's locale. */
export const publicWhere: Where = { and: [{ _status: { equals: 'published' } }, { 'workflow.state': { in: [...liveStates] } }] }

/** Public in the query's locale, belonging to a mission, and written in that locale (a locale never written has no title). */
export const publicOfMission = (missionField: 'missions' | 'mission', missionId: number): Where => ({
  and: [{ [missionField]: { in: [missionId] } }, publicWhere, { title: { exists: true } }],
})
