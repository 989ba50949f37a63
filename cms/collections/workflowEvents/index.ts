import type { CollectionConfig } from 'payload'
import { isHq, missionsAllowing } from '../../access/roles'
import { nobody } from '../../access/rules'
import { queueWorkflowNotice } from '../../workflow/notify'

// Actions and states in words of the admin language instead of their codes.
const valueCell = '/components/WorkflowValueCell#WorkflowValueCell'

/**
 * The audit trail: every workflow transition and every edit of an article or page, per locale.
 * Written only by the system (cms/workflow/), never through the API or the admin; staff read
 * their missions' events, HQ reads all. Deleting a document keeps its history: the events
 * keep the deleted document's id and title (cms/hooks/protectWorkflowFields.ts).
 */
export const WorkflowEvents: CollectionConfig = {
  slug: 'workflow-events',
  labels: { singular: { vi: 'Nhật ký biên tập', en: 'Workflow event' }, plural: { vi: 'Nhật ký biên tập', en: 'Workflow events' } },
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['createdAt', 'article', 'page', 'documentTitle', 'locale', 'action', 'from', 'to', 'user', 'systemActor'],
    group: { vi: 'Hệ thống', en: 'System' },
  },
  // Reviewers, authors and translators hear of the steps that concern them (cms/workflow/notify.ts).
  hooks: { afterChange: [queueWorkflowNotice] },
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
    // One of the two is set while the document exists; both empty once it was deleted (documentId/documentTitle stay).
    { name: 'article', type: 'relationship', relationTo: 'articles', index: true, label: { vi: 'Bài viết', en: 'Article' } },
    { name: 'page', type: 'relationship', relationTo: 'pages', index: true, label: { vi: 'Trang', en: 'Page' } },
    {
      name: 'documentCollection',
      type: 'select',
      options: [
        { value: 'articles', label: { vi: 'Bài viết', en: 'Articles' } },
        { value: 'pages', label: { vi: 'Trang', en: 'Pages' } },
      ],
      label: { vi: 'Loại tài liệu', en: 'Document type' },
    },
    { name: 'documentId', type: 'number', index: true, label: { vi: 'Mã tài liệu', en: 'Document id' } },
    // Filled in when the document is deleted, so its history still says what it was.
    { name: 'documentTitle', type: 'text', label: { vi: 'Tiêu đề tài liệu', en: 'Document title' } },
    { name: 'missions', type: 'relationship', relationTo: 'missions', hasMany: true, index: true, label: { vi: 'Cơ quan đại diện', en: 'Missions' } },
    { name: 'locale', type: 'text', required: true, label: { vi: 'Ngôn ngữ', en: 'Language' } },
    { name: 'action', type: 'text', required: true, label: { vi: 'Thao tác', en: 'Action' }, admin: { components: { Cell: valueCell } } },
    { name: 'from', type: 'text', label: { vi: 'Từ trạng thái', en: 'From' }, admin: { components: { Cell: valueCell } } },
    { name: 'to', type: 'text', label: { vi: 'Sang trạng thái', en: 'To' }, admin: { components: { Cell: valueCell } } },
    { name: 'user', type: 'relationship', relationTo: 'users', label: { vi: 'Người thực hiện', en: 'By' } },
    // A transition made by the system on a person's earlier decision (the scheduler publishing what a reviewer scheduled).
    {
      name: 'systemActor',
      type: 'select',
      options: [
        { value: 'scheduler', label: { vi: 'Lịch đăng tự động', en: 'Scheduler' } },
        { value: 'importer', label: { vi: 'Công cụ nhập bài', en: 'Importer' } },
      ],
      label: { vi: 'Hệ thống', en: 'System' },
    },
    { name: 'note', type: 'textarea', label: { vi: 'Ghi chú', en: 'Note' } },
  ],
}
