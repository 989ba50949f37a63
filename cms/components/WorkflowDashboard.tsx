'use client'
import { useEffect, useState } from 'react'
import { useConfig, useTranslation } from '@payloadcms/ui'

type Item = { id: number; locale: string; title: string; state?: string; at?: string }
type Dashboard = { missions: string[]; missingTranslation: Item[]; outdated: Item[]; inReview: Item[]; scheduled: Item[] }

/** On the admin home: what needs doing in the user's missions (GET /api/workflow/dashboard). */
export function WorkflowDashboard() {
  const { config } = useConfig()
  const { t } = useTranslation<object, string>()
  const [data, setData] = useState<Dashboard | null>(null)
  useEffect(() => {
    void fetch(`${config.serverURL}${config.routes.api}/workflow/dashboard`, { credentials: 'include' }).then(async (res) => {
      if (res.ok) setData((await res.json()) as Dashboard)
    })
  }, [config])
  if (!data) return null
  const link = (i: Item) => `${config.routes.admin}/collections/articles/${i.id}?locale=${i.locale}`
  const groups: [string, Item[]][] = [
    ['workflow:inReview', data.inReview],
    ['workflow:outdated', data.outdated],
    ['workflow:missingTranslation', data.missingTranslation],
    ['workflow:scheduled', data.scheduled],
  ]
  return (
    <section style={{ marginBlockEnd: '2rem' }}>
      <h2>{t('workflow:dashboard')}: {data.missions.join(', ')}</h2>
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
                    <a href={link(i)}>{i.title}</a> <span lang={i.locale}>({i.locale})</span>
                    {i.at ? ` · ${new Date(i.at).toLocaleString()}` : ''}
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
