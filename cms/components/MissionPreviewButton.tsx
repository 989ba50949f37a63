'use client'
import { Button, useConfig, useDocumentInfo, useForm, useLocale, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

type ErrorBody = { errors?: { message: string; data?: { errors?: { message: string }[] } }[] }

/**
 * "Preview changes" next to Save on a mission: sends the form as it is now (unsaved) to
 * POST /api/missions/:id/preview and shows the returned home page in a new tab. Missions have
 * no drafts, so this is how a mission admin sees a new title, colour or menu before saving.
 */
export function MissionPreviewButton() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { getData } = useForm()
  const locale = useLocale()
  const { t } = useTranslation<object, string>()
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!id) return null

  const preview = async () => {
    // Opened inside the click, or the browser treats the later tab as an unrequested pop-up.
    const tab = window.open('', '_blank')
    if (!tab) return setMessage(t('preview:popupBlocked'))
    tab.document.title = t('preview:building')
    tab.document.body.textContent = t('preview:building')
    setBusy(true)
    setMessage(null)
    try {
      const url = `${config.routes.api}/missions/${id}/preview?locale=${encodeURIComponent(locale.code)}`
      const res = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(getData()),
      })
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as ErrorBody
        const details = body.errors?.flatMap((e) => e.data?.errors?.map((f) => f.message) ?? [e.message]) ?? [`HTTP ${res.status}`]
        tab.close()
        return setMessage(`${t('preview:failed')} ${details.join(' ')}`)
      }
      // In a sandboxed frame (opaque origin, no scripts): a blob: page would run with the admin's origin.
      const html = await res.text()
      tab.document.body.textContent = ''
      tab.document.body.style.margin = '0'
      const frame = tab.document.createElement('iframe')
      frame.setAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox')
      frame.style.cssText = 'border:0;width:100vw;height:100vh;display:block'
      frame.srcdoc = html
      tab.document.body.append(frame)
    } catch (error) {
      tab.close()
      setMessage(`${t('preview:failed')} ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: '.5rem' }}>
      <Button buttonStyle="secondary" size="medium" disabled={busy} onClick={() => void preview()} margin={false}>
        {busy ? t('preview:building') : t('preview:changes')}
      </Button>
      {message && (
        <span role="alert" style={{ color: 'var(--theme-error-500)', maxWidth: '24rem' }}>
          {message}
        </span>
      )}
    </div>
  )
}
