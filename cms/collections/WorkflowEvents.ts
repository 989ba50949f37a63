import type { CollectionConfig } from 'payload'
import { isHq, missionsAllowing } from '../access/roles'
import { nobody } from '../access/rules'

// Actions and states in words of the admin language instead of their codes.
const valueCell = '/components/WorkflowValueCell#WorkflowValueCell'

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
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true, label: { vi: 'Bài viết', en: 'Article' } },
    { name: 'missions', type: 'relationship', relationTo: 'missions', hasMany: true, index: true, label: { vi: 'Cơ quan đại diện', en: 'Missions' } },
    { name: 'locale', type: 'text', required: true, label: { vi: 'Ngôn ngữ', en: 'Language' } },
    { name: 'action', type: 'text', required: true, label: { vi: 'Thao tác', en: 'Action' }, admin: { components: { Cell: valueCell } } },
    { name: 'from', type: 'text', label: { vi: 'Từ trạng thái', en: 'From' }, admin: { components: { Cell: valueCell } } },
    { name: 'to', type: 'text', label: { vi: 'Sang trạng thái', en: 'To' }, admin: { components: { Cell: valueCell } } },
    { name: 'user', type: 'relationship', relationTo: 'users', label: { vi: 'Người thực hiện', en: 'By' } },
    { name: 'note', type: 'textarea', label: { vi: 'Ghi chú', en: 'Note' } },
  ],
}
