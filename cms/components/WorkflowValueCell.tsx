'use client'
import type { DefaultCellComponentProps } from 'payload'
import { useTranslation } from '@payloadcms/ui'

/**
 * Workflow history cells in words of the admin language: actions ("Gửi duyệt") and states
 * ("Chờ duyệt") instead of their stored codes (submit, in_review); an empty value is a dash.
 */
export function WorkflowValueCell({ cellData, field }: DefaultCellComponentProps) {
  const { t } = useTranslation<object, string>()
  if (cellData == null || cellData === '') return <span>—</span>
  const namespace = 'name' in field && field.name === 'action' ? 'workflowEvent' : 'workflowState'
  const key = `${namespace}:${String(cellData)}`
  const text = t(key)
  return <span>{text === key ? String(cellData) : text}</span>
}
