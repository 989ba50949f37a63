'use client'
import { useCallback, useEffect, useId, useState } from 'react'
import { Button, useAuth, useConfig, useDocumentInfo, useLocale, useTranslation } from '@payloadcms/ui'
import { offerFor, outdatedSince, reviewerNoteOf, type FieldDiff, type WorkflowView } from './workflowOffer'
import { callApi, formatDateTime, originMismatch } from './adminApi'
import { approveAndPublish, runSteps, type Step } from './workflowActions'
import { useDocMissions } from './useDocMissions'
import type { User } from '#core/payload-types'

const needsReason = new Set(['reject', 'withdraw'])

/** Long unchanged stretches of the source are shortened around the changes. */
const shorten = (text: string, first: boolean, last: boolean) => {
  if (text.length <= 80) return text
  if (first) return `…${text.slice(-60)}`
  if (last) return `${text.slice(0, 60)}…`
  return `${text.slice(0, 40)} … ${text.slice(-40)}`
}

function SourceDiff({ diff, heading }: { diff: FieldDiff[]; heading: string }) {
  const { t } = useTranslation<object, string>()
  return (
    <div className="workflow-panel__diff">
      <p>{heading}</p>
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
  const { missions, missionLocales } = useDocMissions()
  const [view, setView] = useState<WorkflowView | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const headingId = useId()
  const commentId = useId()
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

  if (!id) return <p>{t('workflow:saveFirst')}</p>

  const perform = async (steps: Step[]) => {
    if (!view) return
    setBusy(true)
    const result = await runSteps(config, endpoint, view, steps)
    setBusy(false)
    if (result.ok) {
      setMessage(null)
      setComment('')
      setView(result.data)
    } else {
      setMessage(result.status === 401 || result.status === 0 ? explainFailure(result.status, result.message) : result.message)
      void load()
    }
  }

  const run = async (locale: string, action: string) => {
    let note: string | undefined = comment.trim() || undefined
    if (needsReason.has(action) && !note) {
      const asked = window.prompt(t('workflow:askReason'))
      if (asked === null) return
      note = asked
    }
    if (action === 'schedule') {
      const at = window.prompt(t('workflow:askTime'))
      if (at === null || !view) return
      setBusy(true)
      const body = { locale, action, at, ...(note ? { note } : {}), revision: view.locales[locale]?.revision ?? undefined }
      const result = await callApi<WorkflowView>(config, endpoint, { method: 'POST', body: JSON.stringify(body) })
      setBusy(false)
      if (result.ok) setView(result.data)
      else setMessage(result.message)
      return
    }
    await perform([{ locale, action, note: action === 'submit' ? undefined : note }])
  }

  const shown = view ? Object.keys(view.locales).filter((l) => !missionLocales || missionLocales.includes(l) || view.locales[l]?.exists) : []
  const offers = new Map(view ? shown.map((l) => [l, offerFor(user, missions, l, view.locales[l]!)] as const) : [])
  const codes = (ls: string[]) => ls.map((l) => l.toUpperCase()).join(', ')
  const submittable = shown.filter((l) => offers.get(l)?.allowed.includes('submit'))
  const publishable = shown.filter((l) => offers.get(l)?.allowed.includes('approve') && offers.get(l)?.allowed.includes('publish'))
  const reviewing = shown.some((l) => offers.get(l)?.allowed.includes('reject'))
  return (
    <section className="workflow-panel" aria-labelledby={headingId} style={{ marginBlock: '1rem' }}>
      <h4 id={headingId}>{t('workflow:title')}</h4>
      {message && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {message}
        </p>
      )}
      {!view && !message && <p>{t('workflow:loading')}</p>}
      {(submittable.length > 1 || publishable.length > 1) && (
        <div className="workflow-panel__all" style={{ display: 'flex', flexWrap: 'wrap', gap: '.25rem', marginBlockEnd: '.5rem' }}>
          {submittable.length > 1 && (
            <Button
              buttonStyle="primary"
              size="small"
              margin={false}
              disabled={busy}
              onClick={() => void perform(submittable.map((locale) => ({ locale, action: 'submit' })))}
            >
              {t('workflow:submitAll', { locales: codes(submittable) })}
            </Button>
          )}
          {publishable.length > 1 && (
            <Button
              buttonStyle="primary"
              size="small"
              margin={false}
              disabled={busy}
              onClick={() => void perform(publishable.flatMap((l) => approveAndPublish(l, comment.trim() || undefined)))}
            >
              {t('workflow:approvePublishAll', { locales: codes(publishable) })}
            </Button>
          )}
        </div>
      )}
      {reviewing && (
        <div className="field-type textarea" style={{ marginBlockEnd: '.5rem' }}>
          <label htmlFor={commentId} className="field-label">
            {t('workflow:comment')}
          </label>
          <textarea id={commentId} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: '100%' }} />
        </div>
      )}
      {view &&
        shown.map((locale) => {
          const l = view.locales[locale]!
          const offer = offers.get(locale)!
          const since = l.outdated ? outdatedSince(view, locale) : null
          const sourceName = t(`workflow:lang_${l.sourceLocale ?? view.sourceLocale ?? 'vi'}`)
          const note = reviewerNoteOf(view, locale)
          const mayReview = offer.allowed.includes('reject')
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
              {note && (
                <p className="workflow-panel__note" role="note">
                  {t('workflow:reviewerNote', { action: t(`workflowEvent:${note.action}`), date: formatDateTime(note.at, i18n.language) })} <q>{note.note}</q>
                </p>
              )}
              {l.outdated && (
                <div role="note" className="workflow-panel__outdated">
                  <p style={{ fontWeight: 600 }}>
                    {since
                      ? t('workflow:outdatedSince', { source: sourceName, date: formatDateTime(since, i18n.language) })
                      : t('workflow:outdatedNoDate', { source: sourceName })}
                    {since && l.outdatedRevision ? (
                      <>
                        {` (${t('workflow:outdatedRevision', { revision: l.outdatedRevision })}`}
                        {/* A person's name is content, not interface text. */}
                        {l.outdatedBy ? (
                          <>
                            , <span data-content>{l.outdatedBy}</span>
                          </>
                        ) : null}
                        )
                      </>
                    ) : null}
                  </p>
                  {l.sourceDiff && l.sourceDiff.length > 0 && <SourceDiff diff={l.sourceDiff} heading={t('workflow:changedWords')} />}
                </div>
              )}
              {mayReview && l.liveDiff !== undefined && (
                <div className="workflow-panel__review">
                  {l.liveDiff === null ? <p>{t('workflow:neverLive')}</p> : <SourceDiff diff={l.liveDiff} heading={t('workflow:changedSinceLive')} />}
                </div>
              )}
              {offer.allowed.length > 0 && (
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: '.25rem' }}>
                  {offer.allowed.includes('approve') && offer.allowed.includes('publish') && (
                    <Button
                      buttonStyle="primary"
                      size="small"
                      margin={false}
                      disabled={busy}
                      onClick={() => void perform(approveAndPublish(locale, comment.trim() || undefined))}
                    >
                      {t('workflow:approvePublish')}
                    </Button>
                  )}
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
