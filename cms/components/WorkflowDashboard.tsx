'use client'
import { useEffect, useState } from 'react'
import { useConfig, useTranslation } from '@payloadcms/ui'
import { callApi, formatDateTime, originMismatch } from './adminApi'

type Item = { id: number; locale: string; title: string; state?: string; at?: string }
type Dashboard = { missions: string[]; missingTranslation: Item[]; outdated: Item[]; inReview: Item[]; scheduled: Item[] }

/**
 * On the admin home: what needs doing in the user's missions (GET /api/workflow/dashboard),
 * fetched from the page's own origin. A failed load is shown, never an empty home page.
 */
export function WorkflowDashboard() {
  const { config } = useConfig()
  const { t, i18n } = useTranslation<object, string>()
  const [data, setData] = useState<Dashboard | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    void callApi<Dashboard>(config, '/workflow/dashboard').then(async (result) => {
      if (result.ok) {
        // Only the languages the missions publish: no "missing Arabic" for a mission without Arabic.
        const codes = result.data.missions.join(',')
        const missions = codes
          ? await callApi<{ docs: { enabledLocales?: string[] }[] }>(config, `/missions?where[code][in]=${encodeURIComponent(codes)}&depth=0&limit=100`)
          : null
        if (!missions?.ok) return setData(result.data)
        const enabled = new Set(missions.data.docs.flatMap((m) => m.enabledLocales ?? []))
        const keep = (items: Item[]) => items.filter((i) => enabled.has(i.locale))
        const d = result.data
        return setData({
          ...d,
          missingTranslation: keep(d.missingTranslation),
          outdated: keep(d.outdated),
          inReview: keep(d.inReview),
          scheduled: keep(d.scheduled),
        })
      }
      const other = originMismatch(config)
      setError(
        other
          ? t('workflow:originMismatch', { origin: window.location.origin, serverURL: other })
          : `${t('workflow:loadFailed', { status: result.status || '—' })} ${result.message}`,
      )
    })
  }, [config, t])
  const heading = <h2>{data ? t('workflow:dashboardFor', { missions: data.missions.join(', ') }) : t('workflow:dashboard')}</h2>
  if (error)
    return (
      <section style={{ marginBlockEnd: '2rem' }}>
        {heading}
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      </section>
    )
  if (!data)
    return (
      <section style={{ marginBlockEnd: '2rem' }}>
        {heading}
        <p>{t('workflow:loading')}</p>
      </section>
    )
  const link = (i: Item) => `${config.routes.admin}/collections/articles/${i.id}?locale=${i.locale}`
  const groups: [string, Item[]][] = [
    ['workflow:inReview', data.inReview],
    ['workflow:outdatedGroup', data.outdated],
    ['workflow:missingTranslation', data.missingTranslation],
    ['workflow:scheduled', data.scheduled],
  ]
  return (
    <section style={{ marginBlockEnd: '2rem' }} className="workflow-dashboard">
      {heading}
      <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))' }}>
        {groups.map(([key, items]) => (
          <div key={key}>
            <h3>
              {t(key)} ({items.length})
            </h3>
            {items.length === 0 ? (
              <p>{t('workflow:nothing')}</p>
            ) : (
              <ul>
                {items.slice(0, 10).map((i) => (
                  <li key={`${i.id}-${i.locale}`}>
                    <a href={link(i)}>{i.title}</a> ({i.locale.toUpperCase()}){i.state ? ` · ${t(`workflowState:${i.state}`)}` : ''}
                    {i.at ? ` · ${formatDateTime(i.at, i18n.language)}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  )
}
