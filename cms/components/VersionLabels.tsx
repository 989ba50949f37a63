'use client'
import { useEffect } from 'react'
import { usePathname } from 'next/navigation'
import { useConfig, useTranslation } from '@payloadcms/ui'
import { callApi } from './adminApi'

type ByLocale<T> = Record<string, T | null | undefined> | null | undefined
type VersionDoc = {
  id: number | string
  version: { title?: ByLocale<string>; summary?: ByLocale<string>; body?: ByLocale<unknown>; workflow?: ByLocale<{ state?: string }> }
}

const localized = ['title', 'summary', 'body', 'workflow'] as const

/**
 * Which languages a version changed, against the version before it, and the workflow state each
 * of them was in: "EN · Chờ duyệt" instead of a dozen identical "draft" pills.
 */
export function versionLabels(docs: VersionDoc[]): Map<string, { locale: string; state: string }[]> {
  const labels = new Map<string, { locale: string; state: string }[]>()
  docs.forEach((doc, i) => {
    const before = docs[i + 1]?.version
    const locales = new Set(localized.flatMap((f) => Object.keys(doc.version[f] ?? {})))
    const changed = [...locales].filter((l) =>
      localized.some((f) => JSON.stringify(doc.version[f]?.[l] ?? null) !== JSON.stringify((before?.[f] as ByLocale<unknown>)?.[l] ?? null)),
    )
    labels.set(
      String(doc.id),
      changed.filter((l) => doc.version.title?.[l]).map((l) => ({ locale: l, state: doc.version.workflow?.[l]?.state ?? 'draft' })),
    )
  })
  return labels
}

/**
 * Admin provider part: on the version history of an article or page, adds to each row which
 * language it belongs to and at which workflow step (Payload's list offers no cell for this).
 */
export function VersionLabels() {
  const pathname = usePathname()
  const { config } = useConfig()
  const { t } = useTranslation<object, string>()
  const match = /\/collections\/(articles|pages)\/(\d+)\/versions\/?$/.exec(pathname ?? '')
  const collection = match?.[1]
  const id = match?.[2]
  useEffect(() => {
    if (!collection || !id) return
    let labels: Map<string, { locale: string; state: string }[]> | null = null
    const apply = () => {
      if (!labels) return
      for (const row of document.querySelectorAll<HTMLTableRowElement>('.versions table tbody tr, table tbody tr')) {
        if (row.querySelector('.version-label')) continue
        const cells = [...row.cells]
        const versionId = cells.map((c) => c.textContent?.trim() ?? '').find((text) => labels!.has(text))
        const entries = versionId ? labels.get(versionId) : undefined
        if (!entries?.length) continue
        const label = document.createElement('span')
        label.className = 'version-label'
        label.style.marginInlineStart = '.5rem'
        label.textContent = entries.map((e) => `${e.locale.toUpperCase()} · ${t(`workflowState:${e.state}`)}`).join(', ')
        cells.at(-1)?.append(label)
      }
    }
    const observer = new MutationObserver(apply)
    observer.observe(document.body, { childList: true, subtree: true })
    void callApi<{ docs: VersionDoc[] }>(config, `/${collection}/versions?where[parent][equals]=${id}&locale=all&depth=0&limit=100&sort=-updatedAt`).then(
      (r) => {
        if (!r.ok) return
        labels = versionLabels(r.data.docs)
        apply()
      },
    )
    return () => observer.disconnect()
  }, [collection, id, config, t])
  return null
}
