'use client'
import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { Button, useAuth, useConfig, useDocumentInfo, useFormFields, useFormModified, useLocale, useTranslation } from '@payloadcms/ui'
import { canOnArticle, idsOf, translatableLocales } from '../access/roles'
import { transitions } from '../workflow/stateMachine'
import { callApi, formatDateTime, originMismatch } from './adminApi'
import type { User } from '../../core/payload-types'

type Change = { op: 'added' | 'removed' | 'same'; text: string }
type LocaleView = {
  exists: boolean
  state: string
  live: string | null
  allowedActions: string[]
  submittedBy?: number | null
  outdated?: boolean
  outdatedSince?: string | null
  sourceLocale?: string
  sourceDiff?: { field: string; changes: Change[] }[]
}
type HistoryEntry = { at: string; locale: string; action: string; from: string | null; to: string; user?: number | null; note: string | null }
export type WorkflowView = { sourceLocale?: string; locales: Record<string, LocaleView>; history: HistoryEntry[] }

type Offer = { allowed: string[]; unavailable: { action: string; reason: string }[] }
const needsReason = new Set(['reject', 'withdraw'])

/**
 * What this user may do now with one locale, mirroring the server's rules
 * (cms/workflow/transition.ts): the right the action needs, second eyes, unsaved changes.
 * The server still decides; this only keeps impossible buttons off the screen.
 */
export function offerFor(user: Pick<User, 'id' | 'hqRole' | 'memberships'> | null | undefined, missions: number[], locale: string, l: LocaleView, unsaved: boolean): Offer {
  const offer: Offer = { allowed: [], unavailable: [] }
  if (!user || !l.exists) return offer
  const mayEdit = canOnArticle(user, 'update', missions) || (canOnArticle(user, 'translate', missions) && translatableLocales(user, missions).includes(locale))
  const mayPublish = canOnArticle(user, 'publish', missions)
  for (const action of l.allowedActions) {
    const transition = transitions[action as keyof typeof transitions]
    if (!transition) continue
    if (transition.right === 'translate' ? !mayEdit : !mayPublish) offer.unavailable.push({ action, reason: transition.right === 'publish' ? 'reasonPublishRight' : 'reasonEditRight' })
    else if (transition.secondEyes && l.submittedBy != null && l.submittedBy === user.id) offer.unavailable.push({ action, reason: 'reasonSecondEyes' })
    else if (unsaved && action === 'submit') offer.unavailable.push({ action, reason: 'reasonUnsaved' })
    else offer.allowed.push(action)
  }
  // Only reviewers and HQ may confirm a translation; nobody else is shown the button.
  if (l.outdated && mayPublish) offer.allowed.push('confirm_translation')
  return offer
}

/**
 * Since when a translation is outdated: the first edit of the source after the translation was
 * last written or confirmed (from the audit history), unless the server says so itself.
 */
export function outdatedSince(view: WorkflowView, locale: string): string | null {
  const l = view.locales[locale]
  if (l?.outdatedSince) return l.outdatedSince
  const source = l?.sourceLocale ?? view.sourceLocale ?? 'vi'
  const byTime = [...view.history].sort((a, b) => a.at.localeCompare(b.at))
  const touched = byTime.filter((e) => e.locale === locale && ['create', 'edit', 'confirm_translation'].includes(e.action)).at(-1)?.at
  const sourceEdits = byTime.filter((e) => e.locale === source && e.action === 'edit')
  return (sourceEdits.find((e) => !touched || e.at > touched) ?? sourceEdits.at(-1))?.at ?? null
}

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
 * Per-locale workflow in the article sidebar: the state of each of the missions' languages in
 * words, the actions this user may take now (and why others are not possible), and for an
 * outdated translation since when and what changed in the source. It calls the same endpoint
 * as API clients (GET/POST /api/articles/:id/workflow) and reloads after every save, locale
 * switch and action.
 */
export function WorkflowPanel() {
  const { id, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const { user } = useAuth<User>()
  const { code: currentLocale } = useLocale()
  const { t, i18n } = useTranslation<object, string>()
  const unsaved = useFormModified()
  const missionsValue = useFormFields(([fields]) => fields.missions?.value)
  const missions = useMemo(() => idsOf(missionsValue), [missionsValue])
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
    const result = await callApi<WorkflowView>(config, `/articles/${id}/workflow`)
    if (result.ok) setView(result.data)
    else setMessage(explainFailure(result.status, result.message))
  }, [id, config, explainFailure])
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
    const result = await callApi<WorkflowView>(config, `/articles/${id}/workflow`, { method: 'POST', body: JSON.stringify(body) })
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
          const offer = offerFor(user, missions, locale, l, unsaved && locale === currentLocale)
          const since = l.outdated ? outdatedSince(view, locale) : null
          const sourceName = t(`workflow:lang_${l.sourceLocale ?? view.sourceLocale ?? 'vi'}`)
          return (
            <section
              key={locale}
              data-locale={locale}
              aria-label={locale.toUpperCase()}
              style={{ borderBlockStart: '1px solid var(--theme-elevation-150)', paddingBlock: '.5rem', ...(locale === currentLocale ? { background: 'var(--theme-elevation-50)' } : {}) }}
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
                    {since ? t('workflow:outdatedSince', { source: sourceName, date: formatDateTime(since, i18n.language) }) : t('workflow:outdatedNoDate', { source: sourceName })}
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
                  {t('workflow:unavailable')}{' '}
                  {offer.unavailable.map((u) => `${t(`workflow:${u.action}`)} (${t(`workflow:${u.reason}`)})`).join('; ')}
                </p>
              )}
            </section>
          )
        })}
    </section>
  )
}
