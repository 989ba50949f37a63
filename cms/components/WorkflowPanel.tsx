'use client'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { Button, useAuth, useConfig, useDocumentInfo, useFormFields, useLocale, useTranslation } from '@payloadcms/ui'
import { idsOf } from '../access/roles'
import { offerFor, outdatedSince, type LocaleView, type WorkflowView } from './workflowOffer'
import { callApi, formatDateTime, originMismatch } from './adminApi'
import type { User } from '../../core/payload-types'

const needsReason = new Set(['reject', 'withdraw'])

/** Long unchanged stretches of the source are shortened around the changes. */
const shorten = (text: string, first: boolean, last: boolean) => {
  if (text.length <= 80) return text
  if (first) return `…${text.slice(-60)}`
  if (last) return `${text.slice(0, 60)}…`
  return `${text.slice(0, 40)} … ${text.slice(-40)}`
}

function SourceDiff({ diff }: { diff: NonNullable<LocaleView['sourceDiff']> }) {
  const { t } = useTranslation<object, string>()
  return (
    <div className="workflow-panel__diff">
      <p>{t('workflow:changedWords')}</p>
      <dl>
        {diff.map(({ field, changes }) => (
          <div key={field}>
            <dt style={{ fontWeight: 600 }}>{t(`workflow:field_${field}`)}</dt>
            <dd style={{ marginInlineStart: 0, lineHeight: 1.5 }}>
              {changes.map((c, i) =>
                c.op === 'added' ? (
                  <ins key={i} title={t('workflow:added')} style={{ background: 'var(--theme-success-100)', color: 'var(--theme-success-900)' }}>
                    {c.text}
                  </ins>
                ) : c.op === 'removed' ? (
                  <del key={i} title={t('workflow:removed')} style={{ background: 'var(--theme-error-100)', color: 'var(--theme-error-900)' }}>
                    {c.text}
                  </del>
                ) : (
                  <span key={i}>{shorten(c.text, i === 0, i === changes.length - 1)}</span>
                ),
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

/**
 * Per-locale workflow in the sidebar of articles and pages: the state of each of the missions' languages in
 * words, the actions this user may take now (and why others are not possible), and for an
 * outdated translation since when and what changed in the source. It calls the same endpoint
 * as API clients (GET/POST /api/<articles|pages>/:id/workflow) and reloads after every save, locale
 * switch and action. Approve and publish send the revision shown, so a text changed meanwhile is
 * refused rather than published unseen.
 */
export function WorkflowPanel() {
  const { id, savedDocumentData, collectionSlug } = useDocumentInfo()
  // Articles belong to missions, a page to one mission; both use the same workflow endpoint.
  const endpoint = `/${collectionSlug === 'pages' ? 'pages' : 'articles'}/${id}/workflow`
  const { config } = useConfig()
  const { user } = useAuth<User>()
  const { code: currentLocale } = useLocale()
  const { t, i18n } = useTranslation<object, string>()
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
  const [view, setView] = useState<WorkflowView | null>(null)
  const [missionLocales, setMissionLocales] = useState<string[] | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const headingId = useId()
  const savedAt = (savedDocumentData as { updatedAt?: string } | undefined)?.updatedAt

  const explainFailure = useCallback(
    (status: number, detail: string) => {
      const other = originMismatch(config)
      return other && (status === 0 || status === 401 || status === 403)
        ? t('workflow:originMismatch', { origin: window.location.origin, serverURL: other })
        : `${t('workflow:loadFailed', { status: status || '—' })} ${detail}`
    },
    [config, t],
  )

  const load = useCallback(async () => {
    if (!id) return
    const result = await callApi<WorkflowView>(config, endpoint)
    if (result.ok) setView(result.data)
    else setMessage(explainFailure(result.status, result.message))
  }, [id, endpoint, config, explainFailure])
  // Reload whenever the document was saved (new updatedAt) or the editor switched language.
  useEffect(() => void load(), [load, savedAt, currentLocale])

  const missionKey = missions.join(',')
  useEffect(() => {
    if (!missionKey) return
    void callApi<{ docs: { enabledLocales?: string[] }[] }>(config, `/missions?where[id][in]=${missionKey}&depth=0&limit=50`).then((r) => {
      if (r.ok) setMissionLocales([...new Set(r.data.docs.flatMap((m) => m.enabledLocales ?? []))])
    })
  }, [missionKey, config])

  if (!id) return <p>{t('workflow:saveFirst')}</p>

  const run = async (locale: string, action: string) => {
    const body: Record<string, string> = { locale, action }
    if (needsReason.has(action)) {
      const note = window.prompt(t('workflow:askReason'))
      if (note === null) return
      body.note = note
    }
    if (action === 'schedule') {
      const at = window.prompt(t('workflow:askTime'))
      if (at === null) return
      body.at = at
    }
    setBusy(true)
    const revision = (view?.locales[locale] as { revision?: string | null } | undefined)?.revision
    if (revision && (action === 'approve' || action === 'publish')) body.revision = revision
    const result = await callApi<WorkflowView>(config, endpoint, { method: 'POST', body: JSON.stringify(body) })
    setBusy(false)
    if (result.ok) {
      setMessage(null)
      setView(result.data)
    } else setMessage(result.status === 401 || result.status === 0 ? explainFailure(result.status, result.message) : result.message)
  }

  const shown = view ? Object.keys(view.locales).filter((l) => !missionLocales || missionLocales.includes(l) || view.locales[l]?.exists) : []
  return (
    <section className="workflow-panel" aria-labelledby={headingId} style={{ marginBlock: '1rem' }}>
      <h4 id={headingId}>{t('workflow:title')}</h4>
      {message && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {message}
        </p>
      )}
      {!view && !message && <p>{t('workflow:loading')}</p>}
      {view &&
        shown.map((locale) => {
          const l = view.locales[locale]!
          const offer = offerFor(user, missions, locale, l)
          const since = l.outdated ? outdatedSince(view, locale) : null
          const sourceName = t(`workflow:lang_${l.sourceLocale ?? view.sourceLocale ?? 'vi'}`)
          return (
            <section
              key={locale}
              data-locale={locale}
              aria-label={locale.toUpperCase()}
              style={{
                borderBlockStart: '1px solid var(--theme-elevation-150)',
                paddingBlock: '.5rem',
                ...(locale === currentLocale ? { background: 'var(--theme-elevation-50)' } : {}),
              }}
            >
              <strong>{locale.toUpperCase()}</strong>{' '}
              {l.exists ? (
                <span>
                  {t('workflow:state')}: {t(`workflowState:${l.state}`)} · {t('workflow:live')}: {l.live ? t(`workflowState:${l.live}`) : t('workflow:notLive')}
                </span>
              ) : (
                <span>{t('workflow:missing')}</span>
              )}
              {l.outdated && (
                <div role="note" className="workflow-panel__outdated">
                  <p style={{ fontWeight: 600 }}>
                    {since
                      ? t('workflow:outdatedSince', { source: sourceName, date: formatDateTime(since, i18n.language) })
                      : t('workflow:outdatedNoDate', { source: sourceName })}
                  </p>
                  {l.sourceDiff && l.sourceDiff.length > 0 && <SourceDiff diff={l.sourceDiff} />}
                </div>
              )}
              {offer.allowed.length > 0 && (
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: '.25rem' }}>
                  {offer.allowed.map((action) => (
                    <Button key={action} buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={() => void run(locale, action)}>
                      {t(`workflow:${action}`)}
                    </Button>
                  ))}
                </div>
              )}
              {offer.unavailable.length > 0 && (
                <p style={{ fontSize: '0.85em', color: 'var(--theme-elevation-600)' }}>
                  {t('workflow:unavailable')} {offer.unavailable.map((u) => `${t(`workflow:${u.action}`)} (${t(`workflow:${u.reason}`)})`).join('; ')}
                </p>
              )}
            </section>
          )
        })}
    </section>
  )
}
