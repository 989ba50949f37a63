import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { idsOf } from '../access/roles'

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
  return doc
}

export const queueRebuildAfterDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  if (context.skipRebuild || doc._status !== 'published') return doc
  const missions = missionIds(doc)
  if (missions.length) await req.payload.jobs.queue({ task: 'rebuildSites', queue: 'rebuild', input: { missions }, req })
  return doc
}
