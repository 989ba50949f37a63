'use client'
import { useEffect, useRef } from 'react'
import { useDocumentDrawerContext, useDocumentInfo, useModal } from '@payloadcms/ui'

/**
 * In a document drawer (an image opened from an article), a successful save closes the drawer
 * and returns to the article; on the document's own page it does nothing.
 */
export function CloseDrawerOnSave() {
  const { drawerSlug } = useDocumentDrawerContext()
  const { closeModal } = useModal()
  const { savedDocumentData } = useDocumentInfo()
  const savedAt = (savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt
  const openedWith = useRef(savedAt)
  useEffect(() => {
    if (drawerSlug && savedAt && savedAt !== openedWith.current) closeModal(drawerSlug)
  }, [drawerSlug, savedAt, closeModal])
  return null
}
