import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload, PayloadRequest } from 'payload'
import { idsOf } from '../access/roles'
import { eventEnd } from '../fields/event'

const missionIds = (doc: { missions?: unknown } | undefined): number[] => idsOf(doc?.missions)

/**
 * Public content changed → queue one rebuild job for the affected missions. The job is
 * written in the same transaction as the document, so the builder never reads uncommitted
 * data; drafts and autosaves of unpublished documents queue nothing.
 */
export const queueRebuildAfterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  if (context.skipRebuild) return doc
  const wasPublic = previousDoc?._status === 'published'
  const isPublic = doc._status === 'published'
  if (!wasPublic && !isPublic) return doc
  const missions = [...new Set([...missionIds(doc), ...missionIds(previousDoc)])]
  if (missions.length) {
    await req.payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions }, req })
  }
  if (isPublic) await queueRebuildAtEventEnd(req.payload, doc, req)
  return doc
}

/**
 * Sites are static: an event leaves the home page's upcomingEvents block only when the site is
 * built again. A published article whose event ends in the future therefore queues one rebuild
 * of its missions for that moment (`waitUntil`: the jobs runner leaves the job alone until then,
 * and the rebuild task's coalescing ignores jobs not yet due). Saving the article again does not
 * queue a second job for the same moment; a job left over from an event moved or unpublished
 * since merely rebuilds once more.
 */
export async function queueRebuildAtEventEnd(
  payload: Payload,
  doc: { missions?: unknown; event?: { startsAt?: string | null; endsAt?: string | null } | null },
  req?: PayloadRequest,
): Promise<boolean> {
  const end = eventEnd(doc.event)
  const missions = missionIds(doc)
  if (!end || end.getTime() <= Date.now() || !missions.length) return false
  const scheduled = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [{ taskSlug: { equals: 'rebuildSites' } }, { completedAt: { exists: false } }, { waitUntil: { equals: end.toISOString() } }],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const covered = new Set(scheduled.docs.flatMap((job) => ((job.input as { missions?: number[] } | undefined)?.missions ?? []).map(Number)))
  if (missions.every((m) => covered.has(m))) return false
  await payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions }, waitUntil: end, req })
  return true
}

export const queueRebuildAfterDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  if (context.skipRebuild || doc._status !== 'published') return doc
  const missions = missionIds(doc)
  if (missions.length) await req.payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions }, req })
  return doc
}
