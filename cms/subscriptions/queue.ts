import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../access/roles'

/** The queue the mail runner works through every second (cms/payload.config.ts). */
export const MAIL_QUEUE = 'mail'

/**
 * A locale of an article became published → queue its mail to that locale's subscribers.
 * The workflow service publishes one locale per save (publishSpecificLocale), so the save's
 * locale is the one that went live; the job is written in the same transaction as the publish,
 * so a publish that rolls back mails nobody. Re-publishing later mails nobody twice
 * (cms/jobs/deliverMail.ts keys every message by article, locale and subscriber).
 */
export const queueArticleMail: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  // An import publishes an old site's archive: years of news are not news to subscribers.
  if (context.noSubscriberMail) return doc
  const locale = req.locale
  if (!locale || locale === 'all' || doc._status !== 'published') return doc
  if (doc.workflow?.state !== 'published' || previousDoc?.workflow?.state === 'published') return doc
  await req.payload.jobs.queue({ task: 'deliverMail', queue: MAIL_QUEUE, input: { kind: 'article', article: doc.id, locale }, req })
  return doc
}

/** A new emergency alert mails its mission's alert subscribers when it starts (at once, usually). */
export const queueAlertMail: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || idOf(doc.mission) === undefined) return doc
  const startsAt = new Date(doc.startsAt)
  await req.payload.jobs.queue({
    task: 'deliverMail',
    queue: MAIL_QUEUE,
    input: { kind: 'alert', alert: doc.id },
    ...(startsAt.getTime() > Date.now() ? { waitUntil: startsAt } : {}),
    req,
  })
  return doc
}
