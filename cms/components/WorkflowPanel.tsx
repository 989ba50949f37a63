'use client'
import { useCallback, useEffect, useState } from 'react'
import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'

type LocaleView = { exists: boolean; state: string; live: string | null; allowedActions: string[]; outdated?: boolean; forcePublished?: boolean }
type View = { locales: Record<string, LocaleView>; history: { at: string; locale: string; action: string; from: string | null; to: string; note: string | null }[] }

const needsReason = new Set(['reject', 'withdraw'])

/**
 * Per-locale workflow buttons in the article sidebar. It calls the same endpoint as API
 * clients (POST /api/articles/:id/workflow), so the admin follows exactly the server's rules.
 */
export function WorkflowPanel() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { t } = useTranslation<object, string>()
  const [view, setView] = useState<View | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const url = `${config.serverURL}${config.routes.api}/articles/${id}/workflow`

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(url, { credentials: 'include' })
    if (res.ok) setView((await res.json()) as View)
  }, [id, url])
  useEffect(() => void load(), [load])

  if (!id) return <p>{t('workflow:saveFirst')}</p>

  const run = async (locale: string, action: string) => {
    const body: Record<string, string> = { locale, action }
    if (needsReason.has(action)) body.note = window.prompt(t('workflow:askReason')) ?? ''
    if (action === 'schedule') body.at = window.prompt(t('workflow:askTime')) ?? ''
    const res = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    const json = (await res.json()) as View & { errors?: { message: string }[] }
    if (!res.ok) setMessage(json.errors?.map((e) => e.message).join(' ') ?? String(res.status))
    else {
      setMessage(null)
      setView(json)
    }
  }

  return (
    <div className="workflow-panel" style={{ marginBlock: '1rem' }}>
      <h4>{t('workflow:title')}</h4>
      {message && <p role="alert" style={{ color: 'var(--theme-error-500)' }}>{message}</p>}
      {view &&
        Object.entries(view.locales).map(([locale, l]) => (
          <section key={locale} style={{ borderBlockStart: '1px solid var(--theme-elevation-150)', paddingBlock: '.5rem' }}>
            <strong lang={locale}>{locale.toUpperCase()}</strong>{' '}
            {l.exists ? (
              <span>
                {t('workflow:state')}: {l.state} · {t('workflow:live')}: {l.live ?? t('workflow:notLive')}
              </span>
            ) : (
              <span>{t('workflow:missing')}</span>
            )}
            {l.outdated && <p>{t('workflow:outdated')}</p>}
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '.25rem' }}>
              {l.allowedActions.map((action) => (
                <Button key={action} buttonStyle="secondary" size="small" onClick={() => void run(locale, action)}>
                  {t(`workflow:${action}`)}
                </Button>
              ))}
              {l.outdated && (
                <Button buttonStyle="secondary" size="small" onClick={() => void run(locale, 'confirm_translation')}>
                  {t('workflow:confirm_translation')}
                </Button>
              )}
            </div>
          </section>
        ))}
    </div>
  )
}
