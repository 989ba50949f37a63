import type { Field, FieldAccess } from 'payload'
import { workflowStates } from '../workflow/stateMachine'
import { keepWorkflowOnRestore } from '../hooks/restoreAsDraft'

const stateLabels: Record<string, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  in_review: { vi: 'Chờ duyệt', en: 'In review' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  scheduled: { vi: 'Hẹn giờ đăng', en: 'Scheduled' },
  published: { vi: 'Đã đăng', en: 'Published' },
  unpublished: { vi: 'Đã gỡ', en: 'Unpublished' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
}

// Only saves that went through cms/hooks/protectWorkflowFields.ts (which overwrites these
// fields from the stored document for people) or the workflow service may write them.
const workflowWriteOnly: FieldAccess = ({ req }) => req.context?.workflowWrite === true
const managedByWorkflow = { update: workflowWriteOnly, create: workflowWriteOnly }
/**
 * Bookkeeping (who submitted, approved, why rejected or forced, translation snapshots) is for
 * staff: anonymous readers get only what the public site shows. The site export reads as an
 * anonymous reader and needs the snapshot for "the original was updated", so it asks for it
 * with the Local API's `context.siteExport` (not reachable over REST or GraphQL).
 */
const staffOnly: FieldAccess = ({ req }) => Boolean(req.user)
const staffOrSiteExport: FieldAccess = ({ req }) => Boolean(req.user) || req.context?.siteExport === true

/** The per-locale workflow state shared by articles and pages (one state machine). */
export const workflowGroup: Field = {
  name: 'workflow',
  type: 'group',
  localized: true,
  label: { vi: 'Quy trình biên tập', en: 'Workflow' },
  access: managedByWorkflow,
  admin: { position: 'sidebar', readOnly: true },
  hooks: { beforeChange: [keepWorkflowOnRestore] },
  fields: [
    // No default: an unset state reads as draft, and lets trusted scripts' publishes be recognised (protectWorkflowFields).
    {
      name: 'state',
      type: 'select',
      index: true,
      label: { vi: 'Trạng thái', en: 'State' },
      options: workflowStates.map((value) => ({ value, label: stateLabels[value]! })),
    },
    { name: 'submittedBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người gửi duyệt', en: 'Submitted by' }, access: { read: staffOnly } },
    // The revision (cms/workflow/revision.ts) that was submitted: approve and publish act on exactly that text.
    { name: 'submittedRevision', type: 'text', label: { vi: 'Phiên bản đã gửi duyệt', en: 'Submitted revision' }, access: { read: staffOnly } },
    { name: 'approvedBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người duyệt', en: 'Approved by' }, access: { read: staffOnly } },
    { name: 'changedAt', type: 'date', label: { vi: 'Thời điểm đổi trạng thái', en: 'Changed at' }, access: { read: staffOnly } },
    { name: 'scheduledAt', type: 'date', label: { vi: 'Hẹn đăng lúc', en: 'Scheduled for' }, access: { read: staffOnly } },
    // Public: the site shows the withdrawal notice with its date and reason.
    { name: 'withdrawnAt', type: 'date', label: { vi: 'Rút bài lúc', en: 'Withdrawn at' } },
    { name: 'withdrawalReason', type: 'text', label: { vi: 'Lý do rút bài', en: 'Withdrawal reason' } },
    { name: 'rejectionReason', type: 'text', label: { vi: 'Lý do trả lại', en: 'Reason for return' }, access: { read: staffOnly } },
    { name: 'forcePublished', type: 'checkbox', defaultValue: false, label: { vi: 'Đăng bắt buộc', en: 'Force-published' }, access: { read: staffOnly } },
    { name: 'forceReason', type: 'text', label: { vi: 'Lý do đăng bắt buộc', en: 'Reason for forcing' }, access: { read: staffOnly } },
  ],
}

/**
 * Per-locale workflow state, kept in a localized group so each locale moves on its own, plus
 * the article's change notes and translation snapshots. Only the workflow service
 * (cms/workflow/transition.ts) writes them, with overrideAccess.
 */
export const workflowFields: Field[] = [
  workflowGroup,
  {
    name: 'updateKind',
    type: 'radio',
    localized: true,
    defaultValue: 'minor',
    label: { vi: 'Loại cập nhật', en: 'Kind of update' },
    access: { read: staffOnly },
    options: [
      { value: 'minor', label: { vi: 'Sửa nhỏ (không thông báo)', en: 'Minor edit (no public note)' } },
      { value: 'major', label: { vi: 'Cập nhật quan trọng (cần ghi chú công khai)', en: 'Major update (public change note required)' } },
    ],
    admin: { position: 'sidebar' },
  },
  {
    name: 'changeNote',
    type: 'text',
    localized: true,
    label: { vi: 'Ghi chú thay đổi', en: 'Change note' },
    access: { read: staffOnly },
    admin: { position: 'sidebar', condition: (_, sibling) => sibling?.updateKind === 'major' },
  },
  {
    name: 'changeNotes',
    type: 'array',
    localized: true,
    label: { vi: 'Lịch sử cập nhật công khai', en: 'Public change notes' },
    access: managedByWorkflow,
    // Written by publishing only: shown once there is a note, not as an empty box in every form.
    admin: { readOnly: true, condition: (_, sibling) => Array.isArray(sibling?.changeNotes) && sibling.changeNotes.length > 0 },
    fields: [
      { name: 'date', type: 'date', required: true, label: { vi: 'Ngày', en: 'Date' } },
      { name: 'note', type: 'text', required: true, label: { vi: 'Ghi chú', en: 'Note' } },
    ],
  },
  {
    name: 'translation',
    type: 'group',
    localized: true,
    label: { vi: 'Bản dịch', en: 'Translation' },
    access: { ...managedByWorkflow, read: staffOrSiteExport },
    admin: { readOnly: true, condition: () => false },
    fields: [
      // The source text this translation was made from (or confirmed against): staleness and its diff.
      { name: 'sourceSnapshot', type: 'json' },
      { name: 'snapshotAt', type: 'date' },
    ],
  },
]
