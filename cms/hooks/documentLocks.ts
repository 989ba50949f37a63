import { Locked, type CollectionBeforeOperationHook, type CollectionConfig, type Where } from 'payload'

/** Payload's default: an admin's lock on a document it has open lasts five minutes after their last activity. */
const DEFAULT_LOCK_SECONDS = 300

type LockDoc = { updatedAt: string; document?: { value?: number | string } | null; user?: { value?: number | string } | null }

/**
 * The admin's document locks ("X is editing this article"), checked inside the save's
 * transaction. Payload checks them for REST updates and deletes (overrideLock=false) with a
 * query that does not pass the request, so it runs on a second pool connection while the save's
 * transaction holds the first: ten saves at once took every connection and then waited for an
 * eleventh forever (payloadcms/payload#11273). This hook runs after the transaction has begun,
 * reads the same locks through it, refuses a document someone else holds with Payload's own 423
 * ("Locked"), and then tells Payload the check is done (overrideLock), which leaves Payload only
 * the clean-up of the locks, already inside the transaction. A bulk update or delete that would
 * touch a locked document is refused as a whole.
 */
export const checkLocksInTransaction: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'update' && operation !== 'delete') return args
  const a = args as { id?: number | string; where?: Where; overrideLock?: boolean }
  // The Local API defaults to overriding locks; Payload only checks when asked to.
  if (a.overrideLock !== false || collection.lockDocuments === false || !req.payload.collections['payload-locked-documents']) return args

  const byId = a.id != null
  const locks = await req.payload.db.find<LockDoc>({
    collection: 'payload-locked-documents',
    where: { and: [{ 'document.relationTo': { equals: collection.slug } }, ...(byId ? [{ 'document.value': { equals: a.id } }] : [])] },
    sort: '-updatedAt',
    pagination: false,
    req,
  })
  const seconds = typeof collection.lockDocuments === 'object' ? collection.lockDocuments.duration : DEFAULT_LOCK_SECONDS
  const held = new Set<string>()
  const seen = new Set<string>()
  for (const lock of locks.docs) {
    // The newest lock of each document decides, as in Payload's own check.
    const doc = String(lock.document?.value)
    if (seen.has(doc)) continue
    seen.add(doc)
    const fresh = Date.now() - new Date(lock.updatedAt).getTime() <= seconds * 1000
    if (fresh && lock.user?.value !== req.user?.id) held.add(doc)
  }
  if (held.size) {
    const verb = operation === 'update' ? 'updated' : 'deleted'
    if (byId) throw new Locked(`Document with ID ${a.id} is currently locked by another user and cannot be ${verb}.`)
    const touched = await req.payload.db.count({ collection: collection.slug, where: { and: [...(a.where ? [a.where] : []), { id: { in: [...held] } }] }, req })
    if (touched.totalDocs > 0) throw new Locked(`Some of these documents are currently locked by other users; nothing was ${verb}.`)
  }
  return { ...args, overrideLock: true }
}

/** Adds the in-transaction lock check to every collection (payload.config.ts). */
export function withLockChecksInTransaction(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((c) => ({ ...c, hooks: { ...c.hooks, beforeOperation: [...(c.hooks?.beforeOperation ?? []), checkLocksInTransaction] } }))
}
