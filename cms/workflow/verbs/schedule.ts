import { fail, writeDoc, type Verb } from '../verb'
import { leadImageAltMissing } from './publish'
import { parseScheduleTime } from '../scheduleTime'

/** Queues the publication of the reviewed revision at `at` (cms/jobs/publishScheduled.ts publishes it). */
export const schedule: Verb = {
  check: async (ctx) => {
    const { req, missions, input, now } = ctx
    const missionDoc = missions[0] ? await req.payload.findByID({ collection: 'missions', id: missions[0], depth: 0, overrideAccess: true, req }) : null
    const at = parseScheduleTime(input.at ?? '', missionDoc?.timeZone ?? 'UTC')
    if (!at) return fail(400, 'Give the publication time as ISO-8601 in "at", e.g. "2026-12-01T09:00" (mission time) or "2026-11-30T22:00:00Z".')
    if (at.getTime() <= now.getTime()) return fail(400, `The scheduled time ${at.toISOString()} is in the past.`)
    ctx.workflow.scheduledAt = at.toISOString()
    return ctx.collection === 'articles' ? leadImageAltMissing(ctx) : undefined
  },
  apply: async (ctx) => {
    const at = String(ctx.workflow.scheduledAt)
    await writeDoc(ctx, true, { workflow: ctx.workflow })
    await ctx.req.payload.jobs.queue({
      task: 'publishScheduled',
      queue: 'workflow',
      input: { article: Number(ctx.id), locale: ctx.locale, at, collection: ctx.collection },
      waitUntil: new Date(at),
      req: ctx.req,
    })
  },
}
