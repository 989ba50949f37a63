'use client'
import { useEffect, useMemo, useState } from 'react'
import { useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { idsOf } from '../access/roles'
import { callApi } from './adminApi'

/**
 * The missions of the document being edited (articles: `missions`, pages: `mission`) and the
 * languages those missions publish, so components list only those languages.
 */
export function useDocMissions(): { missions: number[]; missionLocales: string[] | null } {
  const { savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const missionsValue = useFormFields(([fields]) => fields.missions?.value ?? (fields.mission?.value === undefined ? undefined : [fields.mission.value]))
  const saved = savedDocumentData as { missions?: unknown; mission?: unknown } | undefined
  const savedMissions = saved?.missions ?? (saved?.mission === undefined ? undefined : [saved.mission])
  // The form holds ids, or {relationTo, value} pairs right after a create; the saved document is the fallback.
  const missions = useMemo(() => {
    const fromForm = idsOf(
      Array.isArray(missionsValue) ? missionsValue.map((m) => (m && typeof m === 'object' && 'value' in m ? (m as { value: unknown }).value : m)) : [],
    )
    return fromForm.length ? fromForm : idsOf(savedMissions)
  }, [missionsValue, savedMissions])
  const [missionLocales, setMissionLocales] = useState<string[] | null>(null)
  const missionKey = missions.join(',')
  useEffect(() => {
    if (!missionKey) return
    void callApi<{ docs: { enabledLocales?: string[] }[] }>(config, `/missions?where[id][in]=${missionKey}&depth=0&limit=50`).then((r) => {
      if (r.ok) setMissionLocales([...new Set(r.data.docs.flatMap((m) => m.enabledLocales ?? []))])
    })
  }, [missionKey, config])
  return { missions, missionLocales }
}
