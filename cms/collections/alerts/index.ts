import type { Access, CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'
import { idOf, isHq, missionsWhere } from '../../access/roles'
import { nobody } from '../../access/rules'
import { writeAlertFile } from '#core/alertFile'
import { refusal } from '../../lib/errors'
import { keepingLocale } from '#core/nestedRead'
import { ALERTS_QUEUE } from '../../jobs/publishAlerts'
import { optimisticConcurrency } from '../../hooks/optimisticConcurrency'
import { queueAlertMail } from '../../subscriptions/queue'

/**
 * Emergency consular alerts. Mission admins and reviewers post them for their missions, HQ
 * for any. A change writes the mission's alert file at once (core/alertFile.ts), so the
 * banner is on every page the local server serves within seconds, with no site rebuild, and
 * queues the alerts job (cms/jobs/publishAlerts.ts) now and at the alert's start and expiry,
 * which uploads the file to the bucket for the edge worker and purges it. Servers stop showing
 * an alert at expiry on their own. Every create, change and deletion is recorded in `alert-log`.
 */
const alertRoles = ['mission-admin', 'reviewer'] as const

const writeScope: Access = ({ req }) => {
  const user = req.user
  if (!user) return false
  if (isHq(user)) return true
  const missions = missionsWhere(user, alertRoles)
  return missions.length ? { mission: { in: missions } } : false
}

const fail = (path: string, message: string) => new ValidationError({ collection: 'alerts', errors: [{ path, message }] })

const validateAlert: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  const mission = idOf(data.mission ?? originalDoc?.mission)
  if (mission === undefined) throw fail('mission', 'Choose the mission this alert is for.')
  const user = req.user
  if (user && !isHq(user) && !missionsWhere(user, alertRoles).includes(mission)) throw refusal('You may post alerts only for your own missions.')
  const startsAt = new Date(data.startsAt ?? originalDoc?.startsAt)
  const expiresAt = new Date(data.expiresAt ?? originalDoc?.expiresAt)
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(expiresAt.getTime())) throw fail('startsAt', 'An alert needs a start and an expiry date and time.')
  if (expiresAt <= startsAt) throw fail('expiresAt', `The alert expires (${expiresAt.toISOString()}) before it starts (${startsAt.toISOString()}).`)

  const m = await keepingLocale(req, () => req.payload.findByID({ collection: 'missions', id: mission, depth: 0, overrideAccess: true, req }))
  // The site's default language is the one every reader can fall back to: it must have text.
  let defaultText: unknown
  if (req.locale === m.defaultLocale) defaultText = data.text
  else if (operation === 'update' && originalDoc?.id) {
    const stored = await keepingLocale(req, () =>
      req.payload.findByID({
        collection: 'alerts',
        id: originalDoc.id,
        locale: m.defaultLocale as 'vi',
        fallbackLocale: false,
        depth: 0,
        overrideAccess: true,
        req,
      }),
    )
    defaultText = stored?.text
  }
  if (typeof defaultText !== 'string' || !defaultText.trim()) {
    throw fail('text', `An alert of ${m.code} needs its text in the site's default language (${m.defaultLocale}); write it in ${m.defaultLocale} first.`)
  }

  const overlapping = await keepingLocale(req, () =>
    req.payload.find({
      collection: 'alerts',
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
      where: {
        and: [
          { mission: { equals: mission } },
          { startsAt: { less_than: expiresAt.toISOString() } },
          { expiresAt: { greater_than: startsAt.toISOString() } },
          ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
    }),
  )
  const other = overlapping.docs[0]
  if (other) {
    throw fail(
      'startsAt',
      `This alert's period overlaps alert #${other.id} of ${m.code} (${other.startsAt} – ${other.expiresAt}); end that one first or change the dates.`,
    )
  }
  return data
}

const audit = async (
  req: Parameters<CollectionAfterChangeHook>[0]['req'],
  action: string,
  doc: { id: number; mission: unknown; severity?: string; startsAt?: string; expiresAt?: string; text?: unknown },
) => {
  await req.payload.create({
    collection: 'alert-log',
    data: {
      alert: doc.id,
      mission: idOf(doc.mission)!,
      action,
      locale: req.locale ?? null,
      user: req.user?.id ?? null,
      snapshot: { severity: doc.severity, startsAt: doc.startsAt, expiresAt: doc.expiresAt, text: doc.text },
    },
    overrideAccess: true,
    req,
  })
}

/**
 * Queued in the save's transaction (committed with the alert, gone if it rolls back): publish
 * now, and again when the alert comes into force and when it expires.
 */
async function queuePublish(req: Parameters<CollectionAfterChangeHook>[0]['req'], mission: number, reason: string, times: (string | undefined)[] = []) {
  const now = Date.now()
  const at = [undefined, ...times.filter((t): t is string => Boolean(t) && new Date(t!).getTime() > now).map((t) => new Date(t))]
  for (const waitUntil of at) {
    await req.payload.jobs.queue({
      task: 'publishAlerts',
      queue: ALERTS_QUEUE,
      input: { mission, reason: waitUntil ? `${reason} (${waitUntil.toISOString()})` : reason },
      waitUntil,
      req,
    })
  }
}

const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  await audit(req, operation, doc)
  const missions = new Set([idOf(doc.mission), idOf(previousDoc?.mission)].filter((m): m is number => m !== undefined))
  for (const m of missions) {
    await writeAlertFile(req.payload, m, req)
    await queuePublish(req, m, `alert #${doc.id} ${operation}`, m === idOf(doc.mission) ? [doc.startsAt, doc.expiresAt] : [])
  }
  return doc
}

const afterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await audit(req, 'delete', doc)
  const m = idOf(doc.mission)
  if (m !== undefined) {
    await writeAlertFile(req.payload, m, req)
    await queuePublish(req, m, `alert #${doc.id} delete`)
  }
  return doc
}

export const Alerts: CollectionConfig = {
  slug: 'alerts',
  labels: { singular: { vi: 'Cảnh báo khẩn', en: 'Emergency alert' }, plural: { vi: 'Cảnh báo khẩn', en: 'Emergency alerts' } },
  admin: { useAsTitle: 'severity', defaultColumns: ['mission', 'severity', 'startsAt', 'expiresAt'] },
  access: {
    read: writeScope,
    create: ({ req }) => Boolean(req.user && (isHq(req.user) || missionsWhere(req.user, alertRoles).length)),
    update: writeScope,
    delete: writeScope,
  },
  hooks: { beforeOperation: [optimisticConcurrency], beforeChange: [validateAlert], afterChange: [afterChange, queueAlertMail], afterDelete: [afterDelete] },
  fields: [
    {
      name: 'mission',
      type: 'relationship',
      relationTo: 'missions',
      required: true,
      index: true,
      filterOptions: ({ user }) => (!user || isHq(user) ? true : { id: { in: missionsWhere(user, alertRoles) } }),
    },
    {
      name: 'severity',
      type: 'select',
      required: true,
      defaultValue: 'warning',
      options: [
        { value: 'info', label: { vi: 'Thông tin', en: 'Information' } },
        { value: 'warning', label: { vi: 'Cảnh báo', en: 'Warning' } },
        { value: 'critical', label: { vi: 'Khẩn cấp', en: 'Critical' } },
      ],
    },
    { name: 'text', type: 'textarea', localized: true, maxLength: 600, label: { vi: 'Nội dung', en: 'Text' } },
    { name: 'startsAt', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'expiresAt', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}

/** Audit trail of alerts; written only by the hooks above, kept after an alert is deleted. */
export const AlertLog: CollectionConfig = {
  slug: 'alert-log',
  labels: { singular: { vi: 'Nhật ký cảnh báo', en: 'Alert log entry' }, plural: { vi: 'Nhật ký cảnh báo', en: 'Alert log' } },
  admin: { defaultColumns: ['createdAt', 'alert', 'mission', 'action', 'user'], group: { vi: 'Hệ thống', en: 'System' } },
  access: { read: writeScope, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'alert', type: 'number', required: true, index: true },
    { name: 'mission', type: 'relationship', relationTo: 'missions', required: true, index: true },
    { name: 'action', type: 'text', required: true },
    { name: 'locale', type: 'text' },
    { name: 'user', type: 'relationship', relationTo: 'users' },
    { name: 'snapshot', type: 'json' },
  ],
}
