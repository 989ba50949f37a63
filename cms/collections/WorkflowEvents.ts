import type { CollectionConfig } from 'payload'
import { isHq, missionsAllowing } from '../access/roles'
import { nobody } from '../access/rules'

/**
 * The audit trail: every workflow transition and every edit of an article, per locale.
 * Written only by the system (cms/workflow/), never through the API; staff read their
 * missions' events, HQ reads all.
 */
export const WorkflowEvents: CollectionConfig = {
  slug: 'workflow-events',
  labels: { singular: { vi: 'Nhật ký biên tập', en: 'Workflow event' }, plural: { vi: 'Nhật ký biên tập', en: 'Workflow events' } },
  admin: { useAsTitle: 'action', defaultColumns: ['createdAt', 'article', 'locale', 'action', 'from', 'to', 'user'], group: { vi: 'Hệ thống', en: 'System' } },
  access: {
    read: ({ req }) => {
      if (!req.user) return false
      if (isHq(req.user)) return true
      const missions = missionsAllowing(req.user, 'read')
      return missions.length ? { missions: { in: missions } } : false
    },
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true },
    { name: 'missions', type: 'relationship', relationTo: 'missions', hasMany: true, index: true },
    { name: 'locale', type: 'text', required: true },
    { name: 'action', type: 'text', required: true },
    { name: 'from', type: 'text' },
    { name: 'to', type: 'text' },
    { name: 'user', type: 'relationship', relationTo: 'users' },
    { name: 'note', type: 'textarea' },
  ],
}
