'use client'
import { useCallback, useEffect, useState } from 'react'
import { Button, useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import { canOnArticle } from '../access/roles'
import { callApi, formatDateTime, originMismatch } from './adminApi'
import { approveAndPublish, runSteps } from './workflowActions'
import type { WorkflowView } from './workflowOffer'
import type { User } from '#core/payload-types'

type Item = { id: number; locale: string; title: string; state?: string; at?: string; missions?: number[]; submittedBy?: number | null }
type Dashboard = { missions: string[]; missingTranslation: Item[]; outdated: Item[]; inReview: Item[]; scheduled: Item[] }

/**
 * On the admin home: what needs doing in the user's missions (GET /api/workflow/dashboard),
 * fetched from the page's own origin. A failed load is shown, never an empty home page.
 */
export function WorkflowDashboard() {
  const { config } = useConfig()
  const { t, i18n } = useTranslation<object, string>()
  const { user } = useAuth<User>()
  const [data, setData] = useState<Dashboard | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null)
  const [reloads, setReloads] = useState(0)
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
  }, [config, t, reloads])

  // A reviewer publishes from here: approve and publish the locales listed, with the revisions the server shows now.
  const approveAndPublishItems = useCallback(
    async (items: Item[]) => {
      const id = items[0]!.id
      const endpoint = `/articles/${id}/workflow`
      setBusy(true)
      const current = await callApi<WorkflowView>(config, endpoint)
      const result = current.ok
        ? await runSteps(
            config,
            endpoint,
            current.data,
            items.flatMap((i) => approveAndPublish(i.locale)),
          )
        : current
      setBusy(false)
      setNotice(result.ok ? { ok: true, text: `${t('workflow:done')} ${items[0]!.title}` } : { ok: false, text: result.message })
      setReloads((n) => n + 1)
    },
    [config, t],
  )
  const mayPublish = (i: Item) => !!user && i.state === 'in_review' && canOnArticle(user, 'publish', i.missions ?? []) && i.submittedBy !== user.id
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
  const byArticle = new Map<number, Item[]>()
  for (const i of data.inReview.filter(mayPublish)) byArticle.set(i.id, [...(byArticle.get(i.id) ?? []), i])
  const codes = (items: Item[]) => items.map((i) => i.locale.toUpperCase()).join(', ')
  return (
    <section style={{ marginBlockEnd: '2rem' }} className="workflow-dashboard">
      {heading}
      <p>
        <a href={`${config.routes.admin}/calendar`}>{t('calendar:title')}</a>
      </p>
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} style={notice.ok ? {} : { color: 'var(--theme-error-500)' }}>
          {notice.text}
        </p>
      )}
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
                    <a id={`dashboard-${key}-${i.id}-${i.locale}`.replace(/:/g, '-')} href={link(i)}>
                      {i.title}
                    </a>{' '}
                    ({i.locale.toUpperCase()}){i.state ? ` · ${t(`workflowState:${i.state}`)}` : ''}
                    {i.at ? ` · ${formatDateTime(i.at, i18n.language)}` : ''}
                    {key === 'workflow:inReview' && mayPublish(i) && (
                      <span style={{ display: 'inline-flex', gap: '.25rem', marginInlineStart: '.5rem' }}>
                        <Button
                          buttonStyle="secondary"
                          size="small"
                          margin={false}
                          disabled={busy}
                          aria-describedby={`dashboard-${key}-${i.id}-${i.locale}`.replace(/:/g, '-')}
                          onClick={() => void approveAndPublishItems([i])}
                        >
                          {t('workflow:approvePublish')}
                        </Button>
                        {byArticle.get(i.id)!.length > 1 && byArticle.get(i.id)![0] === i && (
                          <Button
                            buttonStyle="primary"
                            size="small"
                            margin={false}
                            disabled={busy}
                            aria-describedby={`dashboard-${key}-${i.id}-${i.locale}`.replace(/:/g, '-')}
                            onClick={() => void approveAndPublishItems(byArticle.get(i.id)!)}
                          >
                            {t('workflow:approvePublishAll', { locales: codes(byArticle.get(i.id)!) })}
                          </Button>
                        )}
                      </span>
                    )}
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
